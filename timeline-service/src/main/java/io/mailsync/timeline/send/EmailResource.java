package io.mailsync.timeline.send;

import io.mailsync.contracts.DeterministicIds;
import io.mailsync.contracts.Timestamps;
import io.mailsync.contracts.send.EmailAddress;
import io.mailsync.contracts.send.SendEmail;
import io.mailsync.mail.validation.MailAddress;
import io.mailsync.mail.validation.MessageId;
import io.mailsync.mail.validation.PrintableName;
import io.mailsync.rest.Caller;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
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

  /**
   * @param address checked by the syntax the sender checks too: what is accepted here is never
   *     refused there
   */
  public record Recipient(
      @NotBlank @Size(max = 320) @MailAddress String address,
      @PrintableName(max = 200, blankAllowed = true) String name) {}

  /**
   * @param inReplyTo the Message-ID syntax the sender writes: refused now, not as a failed send
   *     later
   */
  @TextOrHtml
  public record SendRequest(
      @NotBlank @Size(max = 200) String mailboxId,
      @NotEmpty @Size(max = MAX_RECIPIENTS) List<@Valid @NotNull Recipient> to,
      @Size(max = MAX_RECIPIENTS) List<@Valid @NotNull Recipient> cc,
      @Size(max = MAX_RECIPIENTS) List<@Valid @NotNull Recipient> bcc,
      @NotNull @Size(max = 998) String subject,
      @Size(max = 1_000_000) String text,
      @Size(max = 2_000_000) String html,
      @Size(max = 998) @MessageId String inReplyTo) {}

  public record Queued(String id, String status) {}

  /**
   * @param idempotencyKey optional; a retry with the same key and the same request from the same
   *     user is answered as the first time, with the first command's id, and queues nothing more;
   *     the same key with another request is refused (422). The command id stays derived from the
   *     key, so even a copy queued twice is performed once by the sender.
   */
  @POST
  public Uni<Response> send(
      @Valid @NotNull SendRequest request,
      @HeaderParam("Idempotency-Key") @Size(max = 200) String idempotencyKey) {
    String tenantId = caller.tenantId();
    Uni<String> queued;
    if (blank(idempotencyKey)) {
      SendEmail command = command(UUID.randomUUID().toString(), tenantId, request);
      queued = outbox.queue(command).replaceWith(command.id());
    } else {
      SendEmail command =
          command(
              DeterministicIds.of(tenantId, caller.userId(), idempotencyKey), tenantId, request);
      queued = outbox.queueOnce(command, IdempotencyKey.of(idempotencyKey, request));
    }
    return queued.map(id -> Response.accepted(new Queued(id, "QUEUED")).build());
  }

  private SendEmail command(String commandId, String tenantId, SendRequest request) {
    return new SendEmail(
        commandId,
        tenantId,
        Timestamps.now(),
        request.mailboxId().strip(),
        caller.userId(),
        addresses(request.to()),
        addresses(request.cc()),
        addresses(request.bcc()),
        request.subject(),
        request.text(),
        request.html(),
        blank(request.inReplyTo()) ? null : request.inReplyTo().strip(),
        blank(request.inReplyTo()) ? List.of() : List.of(request.inReplyTo().strip()));
  }

  private static List<EmailAddress> addresses(List<Recipient> recipients) {
    if (recipients == null) {
      return List.of();
    }
    return recipients.stream()
        .map(r -> new EmailAddress(r.address().strip(), blank(r.name()) ? null : r.name().strip()))
        .toList();
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
