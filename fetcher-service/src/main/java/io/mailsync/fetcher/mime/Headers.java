package io.mailsync.fetcher.mime;

import io.mailsync.contracts.kafka.ContractDecoder;
import io.mailsync.contracts.message.Participant;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.codec.DecoderUtil;
import org.apache.james.mime4j.dom.address.AddressList;
import org.apache.james.mime4j.dom.address.Mailbox;
import org.apache.james.mime4j.dom.field.DateTimeField;
import org.apache.james.mime4j.dom.field.ParsedField;
import org.apache.james.mime4j.field.LenientFieldParser;
import org.apache.james.mime4j.field.address.LenientAddressParser;
import org.apache.james.mime4j.stream.Field;

/**
 * Reads the top-level header fields of a message with mime4j's lenient field parsers. mime4j hands
 * field bodies over as one char per byte; raw UTF-8 in headers (common despite the RFCs) is
 * repaired into proper text here, and encoded words (RFC 2047) are decoded.
 */
final class Headers {

  private static final Pattern MESSAGE_ID = Pattern.compile("<[^<>\\s]+>");
  private static final Map<String, Participant.Role> ADDRESS_ROLES =
      Map.of(
          "from", Participant.Role.FROM,
          "sender", Participant.Role.SENDER,
          "reply-to", Participant.Role.REPLY_TO,
          "to", Participant.Role.TO,
          "cc", Participant.Role.CC,
          "bcc", Participant.Role.BCC,
          "delivered-to", Participant.Role.DELIVERED_TO);

  private final List<Field> fields;

  Headers(List<Field> fields) {
    this.fields = fields;
  }

  boolean isEmpty() {
    return fields.isEmpty();
  }

  String subject() {
    String raw = first("subject");
    if (raw == null) {
      return null;
    }
    return DecoderUtil.decodeEncodedWords(repairUtf8(raw), DecodeMonitor.SILENT).strip();
  }

  /** The Message-ID as written, e.g. {@code <a@b>}; null when missing or empty. */
  String messageId() {
    return firstMessageId(first("message-id"));
  }

  String inReplyTo() {
    return firstMessageId(first("in-reply-to"));
  }

  List<String> references() {
    String raw = first("references");
    if (raw == null) {
      return List.of();
    }
    List<String> ids = new ArrayList<>();
    Matcher m = MESSAGE_ID.matcher(raw);
    while (m.find()) {
      ids.add(m.group());
    }
    return List.copyOf(ids);
  }

  /** The Date header; null when missing or unparsable. */
  Instant sentAt() {
    for (Field field : fields) {
      if (field.getName().equalsIgnoreCase("date")) {
        try {
          ParsedField parsed = LenientFieldParser.getParser().parse(field, DecodeMonitor.SILENT);
          if (parsed instanceof DateTimeField date) {
            Date value = date.getDate();
            return value == null ? null : value.toInstant();
          }
        } catch (RuntimeException unparsable) {
          return null;
        }
        return null;
      }
    }
    return null;
  }

  /** The raw Date header, for the content hash when it can't be parsed. */
  String rawDate() {
    String raw = first("date");
    return raw == null ? null : raw.strip();
  }

  /** Every address of the address headers, in header order, without repeats per role. */
  List<Participant> participants() {
    Set<Participant> result = new LinkedHashSet<>();
    for (Field field : fields) {
      Participant.Role role = ADDRESS_ROLES.get(field.getName().toLowerCase(Locale.ROOT));
      if (role == null || field.getBody() == null) {
        continue;
      }
      AddressList addresses;
      try {
        addresses = LenientAddressParser.DEFAULT.parseAddressList(field.getBody());
      } catch (RuntimeException unparsable) {
        continue;
      }
      for (Mailbox mailbox : addresses.flatten()) {
        String address = repairUtf8(mailbox.getAddress());
        if (address == null || address.isBlank() || !address.contains("@")) {
          continue;
        }
        String name = mailbox.getName() == null ? null : repairUtf8(mailbox.getName()).strip();
        result.add(
            new Participant(role, address.strip(), name == null || name.isEmpty() ? null : name));
      }
    }
    return List.copyOf(result);
  }

  private String first(String name) {
    for (Field field : fields) {
      if (field.getName().equalsIgnoreCase(name)) {
        return field.getBody();
      }
    }
    return null;
  }

  private static String firstMessageId(String raw) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    Matcher m = MESSAGE_ID.matcher(raw);
    return m.find() ? m.group() : raw.strip();
  }

  /**
   * mime4j reads header bytes as ISO-8859-1; when those bytes are valid UTF-8 with non-ASCII
   * content, they were meant as UTF-8 (RFC 6532) and are decoded as such.
   */
  static String repairUtf8(String latin1) {
    if (latin1 == null) {
      return null;
    }
    boolean nonAscii = false;
    for (int i = 0; i < latin1.length(); i++) {
      char c = latin1.charAt(i);
      if (c > 0xff) {
        return latin1; // already decoded text
      }
      nonAscii |= c > 0x7f;
    }
    if (!nonAscii) {
      return latin1;
    }
    return ContractDecoder.text(latin1.getBytes(StandardCharsets.ISO_8859_1)).orElse(latin1);
  }
}
