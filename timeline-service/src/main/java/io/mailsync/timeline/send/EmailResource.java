package io.mailsync.timeline.send;

import io.mailsync.contracts.DeterministicIds;
import io.mailsync.contracts.send.EmailAddress;
import io.mailsync.contracts.send.SendEmail;
import io.mailsync.mail.address.EmailAddressSyntax;
import io.mailsync.mail.address.MessageIdSyntax;
import io.mailsync.rest.Caller;
import io.mailsync.rest.InvalidRequestException;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Queues an email to be sent from one of the user's mailboxes. Answers 202 once the command is
 * committed to the outbox, from which the cdc process puts it on the broker; the outcome arrives
 * later as EmailSent or EmailSendFailed.
 */
@Path("/api/v1/emails")
@Authenticated
public class EmailResource {

  static final int MAX_RECIPIENTS = 100;

  private final Caller caller;
  private final SendCommandOutbox outbox;

  public EmailResource(Caller caller, SendCommandOutbox outbox) {
    this.caller = caller;
    this.outbox = outbox;
  }

  public record Recipient(
      @NotBlank @Size(max = 320) String address, @Size(max = 200) String name) {}

  public record SendRequest(
      @NotBlank @Size(max = 200) String mailboxId,
      @NotNull @Size(min = 1, max = MAX_RECIPIENTS) List<@Valid @NotNull Recipient> to,
      @Size(max = MAX_RECIPIENTS) List<@Valid @NotNull Recipient> cc,
      @Size(max = MAX_RECIPIENTS) List<@Valid @NotNull Recipient> bcc,
      @NotNull @Size(max = 998) String subject,
      @Size(max = 1_000_000) String text,
      @Size(max = 2_000_000) String html,
      @Size(max = 998) String inReplyTo) {}

  public record Queued(String id, String status) {}

  /**
   * @param idempotencyKey optional; the same key from the same user queues the same command id, so
   *     a client retrying after a timeout cannot cause a second send (the sender performs a command
   *     id once, however often it arrives)
   */
  @POST
  public Uni<Response> send(
      @Valid @NotNull SendRequest request,
      @HeaderParam("Idempotency-Key") @Size(max = 200) String idempotencyKey) {
    if (blank(request.text()) && blank(request.html())) {
      throw new InvalidRequestException("text", "is required unless html is given");
    }
    // The Message-ID syntax the sender writes: refused now, not as a failed send later.
    if (!blank(request.inReplyTo()) && MessageIdSyntax.normalize(request.inReplyTo()).isEmpty()) {
      throw new InvalidRequestException(
          "inReplyTo", "is not a Message-ID (printable characters without spaces, e.g. <id@host>)");
    }
    String tenantId = caller.tenantId();
    String commandId =
        idempotencyKey == null || idempotencyKey.isBlank()
            ? UUID.randomUUID().toString()
            : DeterministicIds.of(tenantId, caller.userId(), idempotencyKey);
    SendEmail command =
        new SendEmail(
            commandId,
            tenantId,
            Instant.now(),
            request.mailboxId().strip(),
            caller.userId(),
            addresses("to", request.to()),
            addresses("cc", request.cc()),
            addresses("bcc", request.bcc()),
            request.subject(),
            request.text(),
            request.html(),
            blank(request.inReplyTo()) ? null : request.inReplyTo().strip(),
            blank(request.inReplyTo()) ? List.of() : List.of(request.inReplyTo().strip()));
    return outbox
        .queue(command)
        .map(ignored -> Response.accepted(new Queued(commandId, "QUEUED")).build());
  }

  private static List<EmailAddress> addresses(String field, List<Recipient> recipients) {
    List<EmailAddress> result = new ArrayList<>();
    if (recipients == null) {
      return result;
    }
    for (int i = 0; i < recipients.size(); i++) {
      Recipient r = recipients.get(i);
      String address = r.address().strip();
      // The syntax the sender checks too: what is accepted here is never refused there.
      String problem = EmailAddressSyntax.problem(address).orElse(null);
      if (problem != null) {
        throw new InvalidRequestException(field + "[" + i + "].address", problem);
      }
      if (r.name() != null && (r.name().contains("\r") || r.name().contains("\n"))) {
        String name = field + "[" + i + "].name";
        throw new InvalidRequestException(name, "must not contain line breaks");
      }
      result.add(new EmailAddress(address, blank(r.name()) ? null : r.name().strip()));
    }
    return result;
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
