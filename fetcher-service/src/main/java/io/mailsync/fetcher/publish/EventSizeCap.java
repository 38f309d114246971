package io.mailsync.fetcher.publish;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.mailsync.contracts.EventJson;
import io.mailsync.contracts.message.AttachmentMetadata;
import io.mailsync.contracts.message.MessageBody;
import io.mailsync.contracts.message.MessageFetched;
import io.mailsync.contracts.message.Participant;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps a {@code MessageFetched} under a byte size as serialized, so the broker always takes it: a
 * record it refuses would stop the folder's checkpoint for good. Content is given up in a fixed
 * order (HTML, then text, then attachment metadata beyond the first 100, participants beyond the
 * first 500, then overlong header values) and {@code parseError} says what was cut.
 */
public final class EventSizeCap {

  static final int KEPT_ATTACHMENTS = 100;
  static final int KEPT_PARTICIPANTS = 500;
  static final int KEPT_REFERENCES = 100;
  static final int MAX_HEADER_CHARS = 1000;
  static final int MAX_ADDRESS_CHARS = 320;

  /** Room left for the note in {@code parseError} saying what was cut. */
  private static final int NOTE_BYTES = 256;

  private final int maxBytes;
  private final long limit;

  public EventSizeCap(int maxBytes) {
    if (maxBytes < 10 * NOTE_BYTES) {
      throw new IllegalArgumentException("the event size cap must be at least 2560 bytes");
    }
    this.maxBytes = maxBytes;
    this.limit = maxBytes - NOTE_BYTES;
  }

  /** The event itself when it fits, else a copy with as much content as fits. */
  public MessageFetched fit(MessageFetched event) {
    if (size(event) <= maxBytes) {
      return event;
    }
    List<String> cuts = new ArrayList<>();
    MessageFetched fitted = event;
    MessageBody body = event.body();
    if (body != null && body.html() != null) {
      fitted = withBody(fitted, new MessageBody(body.text(), null, body.textTruncated(), true));
      cuts.add("html dropped");
    }
    if (size(fitted) > limit && fitted.body() != null && fitted.body().text() != null) {
      fitted = withText(fitted, truncatedText(fitted));
      cuts.add("text truncated");
    }
    if (size(fitted) > limit && fitted.attachments().size() > KEPT_ATTACHMENTS) {
      fitted = withAttachments(fitted, fitted.attachments().subList(0, KEPT_ATTACHMENTS));
      cuts.add("attachments beyond " + KEPT_ATTACHMENTS + " dropped");
    }
    if (size(fitted) > limit && fitted.participants().size() > KEPT_PARTICIPANTS) {
      fitted = withParticipants(fitted, fitted.participants().subList(0, KEPT_PARTICIPANTS));
      cuts.add("participants beyond " + KEPT_PARTICIPANTS + " dropped");
    }
    if (size(fitted) > limit) {
      fitted = shortenHeaders(fitted);
      cuts.add("header values shortened");
    }
    if (size(fitted) > limit) {
      // Pathological header counts: what identifies the copy still travels.
      fitted = withParticipants(withAttachments(fitted, List.of()), List.of());
      fitted = withReferences(fitted, List.of());
      cuts.add("participants, attachments and references dropped");
    }
    String note = "event over " + maxBytes + " bytes: " + String.join(", ", cuts);
    String parseError = event.parseError() == null ? note : event.parseError() + "; " + note;
    return withParseError(fitted, parseError);
  }

  /** The longest prefix of the text that keeps the event within the cap (possibly empty). */
  private String truncatedText(MessageFetched event) {
    String text = event.body().text();
    long room = limit - size(withText(event, ""));
    if (room <= 0) {
      return "";
    }
    int low = 0;
    int high = text.length();
    while (low < high) {
      int mid = (int) (((long) low + high + 1) / 2);
      if (size(prefix(text, mid)) - 2 <= room) {
        low = mid;
      } else {
        high = mid - 1;
      }
    }
    return prefix(text, low);
  }

  /** Never splits a surrogate pair, which would serialize as an invalid character. */
  private static String prefix(String text, int length) {
    int end = length;
    if (end > 0 && end < text.length() && Character.isHighSurrogate(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(0, end);
  }

  private static MessageFetched shortenHeaders(MessageFetched e) {
    List<String> references = e.references() == null ? List.of() : e.references();
    if (references.size() > KEPT_REFERENCES) {
      // The last references name the closest ancestors, which threading needs most.
      references = references.subList(references.size() - KEPT_REFERENCES, references.size());
    }
    return new MessageFetched(
        e.id(),
        e.tenantId(),
        e.occurredAt(),
        e.copy(),
        e.messageKey(),
        cut(e.rfcMessageId(), MAX_HEADER_CHARS),
        cut(e.inReplyTo(), MAX_HEADER_CHARS),
        references.stream().map(r -> cut(r, MAX_HEADER_CHARS)).toList(),
        cut(e.subject(), MAX_HEADER_CHARS),
        e.sentAt(),
        e.receivedAt(),
        e.participants().stream()
            .map(
                p ->
                    new Participant(
                        p.role(),
                        cut(p.address(), MAX_ADDRESS_CHARS),
                        cut(p.name(), MAX_ADDRESS_CHARS)))
            .distinct()
            .toList(),
        e.body(),
        e.attachments().stream()
            .map(
                a ->
                    new AttachmentMetadata(
                        a.partPath(),
                        cut(a.filename(), MAX_ADDRESS_CHARS),
                        cut(a.contentType(), MAX_ADDRESS_CHARS),
                        a.sizeBytes(),
                        cut(a.contentId(), MAX_ADDRESS_CHARS),
                        a.inline()))
            .toList(),
        e.seen(),
        e.parseError());
  }

  private static String cut(String value, int maxChars) {
    return value == null || value.length() <= maxChars ? value : prefix(value, maxChars);
  }

  static long size(Object value) {
    try {
      return EventJson.mapper().writeValueAsBytes(value).length;
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a contract record must serialize", e);
    }
  }

  private static MessageFetched withText(MessageFetched e, String text) {
    MessageBody b = e.body();
    return withBody(
        e,
        new MessageBody(
            text, b.html(), b.textTruncated() || !text.equals(b.text()), b.htmlTruncated()));
  }

  private static MessageFetched withBody(MessageFetched e, MessageBody body) {
    return rebuilt(e, e.references(), e.participants(), body, e.attachments(), e.parseError());
  }

  private static MessageFetched withAttachments(MessageFetched e, List<AttachmentMetadata> kept) {
    return rebuilt(
        e, e.references(), e.participants(), e.body(), List.copyOf(kept), e.parseError());
  }

  private static MessageFetched withParticipants(MessageFetched e, List<Participant> kept) {
    return rebuilt(e, e.references(), List.copyOf(kept), e.body(), e.attachments(), e.parseError());
  }

  private static MessageFetched withReferences(MessageFetched e, List<String> kept) {
    return rebuilt(
        e, List.copyOf(kept), e.participants(), e.body(), e.attachments(), e.parseError());
  }

  private static MessageFetched withParseError(MessageFetched e, String parseError) {
    return rebuilt(e, e.references(), e.participants(), e.body(), e.attachments(), parseError);
  }

  /**
   * The event with the parts the cap may shrink replaced; identity and headers stay as they are.
   */
  private static MessageFetched rebuilt(
      MessageFetched e,
      List<String> references,
      List<Participant> participants,
      MessageBody body,
      List<AttachmentMetadata> attachments,
      String parseError) {
    return new MessageFetched(
        e.id(),
        e.tenantId(),
        e.occurredAt(),
        e.copy(),
        e.messageKey(),
        e.rfcMessageId(),
        e.inReplyTo(),
        references,
        e.subject(),
        e.sentAt(),
        e.receivedAt(),
        participants,
        body,
        attachments,
        e.seen(),
        parseError);
  }
}
