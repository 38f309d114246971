package io.mailsync.fetcher.mailbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailsync.contracts.mailbox.MailServer.Security;
import io.mailsync.fetcher.mailbox.MailboxRequest.ServerSettings;
import io.mailsync.mail.host.MailHostPolicy;
import io.mailsync.testkit.validation.Constraints;
import jakarta.validation.Validator;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The constraints of a registration request, checked by a plain Bean Validation validator. */
class MailboxRequestValidationTest {

  private static final ServerSettings IMAP =
      new ServerSettings("93.184.216.34", 993, Security.SSL, null);
  private static final ServerSettings SMTP =
      new ServerSettings("93.184.216.34", 587, Security.STARTTLS, false);

  private final Validator validator =
      validator(new MailHostPolicy(false, List.of("143", "993", "25", "465", "587", "2525")));

  @Test
  void acceptsACompleteRequest() {
    assertThat(validator.validate(valid())).isEmpty();
    assertThat(
            validator.validate(
                new MailboxRequest(
                    "a@crm.test", "login", "pw", IMAP, SMTP, List.of("INBOX", "Sent"), "Sent")))
        .isEmpty();
  }

  @Test
  void namesEveryMissingField() {
    assertThat(problems(new MailboxRequest(null, null, null, null, null, null, null)))
        .containsExactly(
            "emailAddress is required",
            "imap is required",
            "password is required",
            "smtp is required");
    assertThat(
            problems(new MailboxRequest("a@crm.test", null, "pw", blankServer(), SMTP, null, null)))
        .containsExactly(
            "imap.host is required", "imap.port is required", "imap.security is required");
  }

  @Test
  void aBlankValueIsToldTheSameWhicheverConstraintFindsIt() {
    ServerSettings blankHost = new ServerSettings(" ", 993, Security.SSL, false);
    assertThat(problems(new MailboxRequest(" ", null, "pw", blankHost, SMTP, List.of(" "), " ")))
        .containsExactly(
            "emailAddress is required",
            "folders[0] is required",
            "imap.host is required",
            "sentFolder is required");
  }

  @Test
  void checksServerSettings() {
    ServerSettings bad = new ServerSettings("imaps://x.test", 0, null, null);
    assertThat(problems(new MailboxRequest("a@crm.test", null, "pw", bad, SMTP, null, null)))
        .containsExactly(
            "imap.host must be a host name, not a URL (leave out the scheme)",
            "imap.port must be between 1 and 65535",
            "imap.security is required");
    ServerSettings internal = new ServerSettings("10.0.0.5", 587, Security.NONE, false);
    assertThat(
            problemFields(new MailboxRequest("a@crm.test", null, "pw", IMAP, internal, null, null)))
        .containsExactly("smtp.host");
    ServerSettings far = new ServerSettings("93.184.216.34", 65536, Security.SSL, true);
    assertThat(problemFields(new MailboxRequest("a@crm.test", null, "pw", far, SMTP, null, null)))
        .containsExactly("imap.port");
    ServerSettings ssh = new ServerSettings("93.184.216.34", 22, Security.SSL, false);
    assertThat(problems(new MailboxRequest("a@crm.test", null, "pw", ssh, SMTP, null, null)))
        .containsExactly(
            "imap.port is not a mail server port allowed here (143, 993, 25, 465, 587, 2525)");
  }

  @Test
  void anInternalHostIsRefusedInThePolicysOwnWords() {
    ServerSettings loopback = new ServerSettings("127.0.0.1", 993, Security.SSL, false);
    assertThat(problems(new MailboxRequest("a@crm.test", null, "pw", loopback, SMTP, null, null)))
        .containsExactly(
            "imap.host "
                + new MailHostPolicy(false, List.of("993")).hostProblem("127.0.0.1").orElseThrow());
    // A host is quoted as typed, never read as a message parameter or expression.
    ServerSettings odd = new ServerSettings("${1+1}{max}", 993, Security.SSL, false);
    assertThat(problems(new MailboxRequest("a@crm.test", null, "pw", odd, SMTP, null, null)))
        .containsExactly("imap.host " + MailHostPolicy.shapeProblem("${1+1}{max}").orElseThrow());
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
            problems(
                new MailboxRequest("a@crm.test", null, "x".repeat(1025), IMAP, SMTP, null, null)))
        .containsExactly("password must be at most 1024 characters or items");
    assertThat(
            problems(
                new MailboxRequest(
                    "a@crm.test", null, "pw", IMAP, SMTP, List.of("INBOX", " ", "INBOX"), "\n")))
        .containsExactly(
            "folders[1] is required", "folders[2] repeats folder INBOX", "sentFolder is required");
    assertThat(
            problemFields(
                new MailboxRequest(
                    "a@crm.test", null, "pw", IMAP, SMTP, Collections.nCopies(101, "A"), null)))
        .contains("folders");
    List<String> tooMany = IntStream.rangeClosed(0, 100).mapToObj(i -> "Folder " + i).toList();
    assertThat(problems(new MailboxRequest("a@crm.test", null, "pw", IMAP, SMTP, tooMany, null)))
        .containsExactly("folders may list at most 100 folders");
  }

  @Test
  void namesMayNotHoldControlCharactersOrRunTooLong() {
    assertThat(
            problems(
                new MailboxRequest(
                    "a@crm.test",
                    "x".repeat(1001),
                    "pw",
                    IMAP,
                    SMTP,
                    java.util.Arrays.asList("In\u0007box", null, "{a}"),
                    null)))
        .containsExactly(
            "folders[0] must be at most 1000 characters, without control characters",
            "folders[1] is required",
            "username must be at most 1000 characters, without control characters");
    // A blank login means "use the address"; a repeated odd name is quoted as it is.
    assertThat(
            problems(
                new MailboxRequest(
                    "a@crm.test", " ", "pw", IMAP, SMTP, List.of("{a}", "${b}", "{a}"), null)))
        .containsExactly("folders[2] repeats folder {a}");
  }

  @Test
  void neverShowsThePassword() {
    MailboxRequest request =
        new MailboxRequest("a@crm.test", null, "hunter2", IMAP, SMTP, null, null);
    assertThat(request.toString()).doesNotContain("hunter2");
  }

  /** Each problem as the REST layer words it, in its order: by field, then by text. */
  private List<String> problems(MailboxRequest request) {
    return Constraints.problems(validator, request);
  }

  private List<String> problemFields(MailboxRequest request) {
    return Constraints.fields(validator, request);
  }

  private static ServerSettings blankServer() {
    return new ServerSettings(" ", null, null, null);
  }

  private static MailboxRequest valid() {
    return new MailboxRequest("alice@crm.test", null, "pw", IMAP, SMTP, null, null);
  }

  /** Bean Validation as Quarkus runs it, with the host policy given to the one bean validator. */
  static Validator validator(MailHostPolicy policy) {
    return Constraints.validator(
        AllowedMailServer.Check.class, () -> new AllowedMailServer.Check(policy));
  }
}
