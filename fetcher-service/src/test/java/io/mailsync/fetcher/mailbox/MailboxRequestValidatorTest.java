package io.mailsync.fetcher.mailbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailsync.contracts.mailbox.MailServer.Security;
import io.mailsync.fetcher.mailbox.MailboxRequest.ServerSettings;
import io.mailsync.mail.host.MailHostPolicy;
import io.mailsync.rest.FieldProblem;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class MailboxRequestValidatorTest {

  private static final ServerSettings IMAP =
      new ServerSettings("93.184.216.34", 993, Security.SSL, null);
  private static final ServerSettings SMTP =
      new ServerSettings("93.184.216.34", 587, Security.STARTTLS, false);

  private final MailboxRequestValidator validator =
      new MailboxRequestValidator(
          new MailHostPolicy(false, List.of("143", "993", "25", "465", "587", "2525")));

  @Test
  void acceptsACompleteRequest() {
    assertThat(validator.problems(valid())).isEmpty();
    assertThat(
            validator.problems(
                new MailboxRequest(
                    "a@crm.test", "login", "pw", IMAP, SMTP, List.of("INBOX", "Sent"), "Sent")))
        .isEmpty();
  }

  @Test
  void namesEveryMissingField() {
    assertThat(validator.problems(new MailboxRequest(null, null, null, null, null, null, null)))
        .extracting(FieldProblem::field)
        .containsExactly("emailAddress", "password", "imap", "smtp");
    assertThat(validator.problems(null)).extracting(FieldProblem::field).containsExactly("body");
  }

  @Test
  void checksServerSettings() {
    ServerSettings bad = new ServerSettings("imaps://x.test", 0, null, null);
    assertThat(
            validator.problems(new MailboxRequest("a@crm.test", null, "pw", bad, SMTP, null, null)))
        .extracting(FieldProblem::describe)
        .containsExactly(
            "imap.host must be a host name, not a URL (leave out the scheme)",
            "imap.port must be between 1 and 65535",
            "imap.security is required: NONE, STARTTLS or SSL");
    ServerSettings internal = new ServerSettings("10.0.0.5", 587, Security.NONE, false);
    assertThat(
            validator.problems(
                new MailboxRequest("a@crm.test", null, "pw", IMAP, internal, null, null)))
        .extracting(FieldProblem::field)
        .containsExactly("smtp.host");
    ServerSettings far = new ServerSettings("93.184.216.34", 65536, Security.SSL, true);
    assertThat(
            validator.problems(new MailboxRequest("a@crm.test", null, "pw", far, SMTP, null, null)))
        .extracting(FieldProblem::field)
        .containsExactly("imap.port");
    ServerSettings ssh = new ServerSettings("93.184.216.34", 22, Security.SSL, false);
    assertThat(
            validator.problems(new MailboxRequest("a@crm.test", null, "pw", ssh, SMTP, null, null)))
        .extracting(FieldProblem::describe)
        .containsExactly(
            "imap.port is not a mail server port allowed here (143, 993, 25, 465, 587, 2525)");
  }

  @Test
  void checksAddressPasswordAndFolders() {
    assertThat(problemFields(new MailboxRequest("no-at-sign", null, "pw", IMAP, SMTP, null, null)))
        .containsExactly("emailAddress");
    assertThat(problemFields(new MailboxRequest("a b@c.test", null, "pw", IMAP, SMTP, null, null)))
        .containsExactly("emailAddress");
    assertThat(problemFields(new MailboxRequest("a@crm.test", null, "", IMAP, SMTP, null, null)))
        .containsExactly("password");
    assertThat(
            problemFields(
                new MailboxRequest("a@crm.test", null, "x".repeat(1025), IMAP, SMTP, null, null)))
        .containsExactly("password");
    assertThat(
            problemFields(
                new MailboxRequest(
                    "a@crm.test", null, "pw", IMAP, SMTP, List.of("INBOX", " ", "INBOX"), "\n")))
        .containsExactly("folders[1]", "folders[2]", "sentFolder");
    assertThat(
            problemFields(
                new MailboxRequest(
                    "a@crm.test", null, "pw", IMAP, SMTP, Collections.nCopies(101, "A"), null)))
        .contains("folders");
  }

  @Test
  void neverShowsThePassword() {
    MailboxRequest request =
        new MailboxRequest("a@crm.test", null, "hunter2", IMAP, SMTP, null, null);
    assertThat(request.toString()).doesNotContain("hunter2");
  }

  private List<String> problemFields(MailboxRequest request) {
    return validator.problems(request).stream().map(FieldProblem::field).toList();
  }

  private static MailboxRequest valid() {
    return new MailboxRequest("alice@crm.test", null, "pw", IMAP, SMTP, null, null);
  }
}
