package io.mailsync.e2e.stack;

import io.mailsync.testkit.mail.MailAccount;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * A tenant's demo directory, created through the timeline's REST API: the company Customer Inc
 * (domain customer.test), its contact at {@code customerEmail}, and the mailbox owner as a user.
 * Mail links only to contacts that existed when it was received, so the directory comes before the
 * demo mail.
 */
public record DemoData(String companyId, String contactId) {

  public static DemoData seed(
      StackSettings settings, String token, MailAccount demo, String customerEmail)
      throws IOException, InterruptedException {
    StackClient client = new StackClient(token);
    String timeline = settings.timelineUrl();
    String companyId =
        client
            .post(
                timeline + "/api/v1/companies",
                Map.of("name", "Customer Inc", "emailDomains", List.of("customer.test")))
            .path("id")
            .asText();
    String contactId =
        client
            .post(
                timeline + "/api/v1/contacts",
                Map.of("email", customerEmail, "name", "Bob Buyer", "companyId", companyId))
            .path("id")
            .asText();
    client.post(timeline + "/api/v1/users", Map.of("email", demo.email(), "name", "Demo User"));
    return new DemoData(companyId, contactId);
  }
}
