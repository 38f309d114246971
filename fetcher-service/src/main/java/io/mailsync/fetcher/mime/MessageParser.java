package io.mailsync.fetcher.mime;

import io.mailsync.contracts.MessageIdentity;
import io.mailsync.contracts.MessageKey;
import io.mailsync.contracts.message.AttachmentMetadata;
import io.mailsync.contracts.message.MessageBody;
import io.mailsync.contracts.message.Participant;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.apache.james.mime4j.MimeException;
import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.codec.DecoderUtil;
import org.apache.james.mime4j.field.LenientFieldParser;
import org.apache.james.mime4j.io.MaxHeaderLimitException;
import org.apache.james.mime4j.io.MaxLineLimitException;
import org.apache.james.mime4j.message.DefaultBodyDescriptorBuilder;
import org.apache.james.mime4j.message.MaximalBodyDescriptor;
import org.apache.james.mime4j.parser.AbstractContentHandler;
import org.apache.james.mime4j.parser.MimeStreamParser;
import org.apache.james.mime4j.stream.BodyDescriptor;
import org.apache.james.mime4j.stream.Event;
import org.apache.james.mime4j.stream.Field;
import org.apache.james.mime4j.stream.MimeConfig;

/**
 * Parses a raw RFC 5322 message with mime4j's streaming parser in one pass: headers, text and HTML
 * bodies (decoded, up to a cap), and attachments as metadata (their bytes are counted, never kept).
 * It never fails on the message itself: whatever could be read is returned, with {@code parseError}
 * saying what went wrong.
 */
public final class MessageParser {

  private static final int MAX_LINE = 1_000_000;
  private static final MimeConfig CONFIG =
      MimeConfig.custom()
          .setStrictParsing(false)
          .setMaxLineLen(MAX_LINE)
          .setMaxHeaderCount(10_000)
          .setMaxHeaderLen(MAX_LINE)
          .setMaxContentLen(-1)
          .build();

  private final int bodyCapChars;

  public MessageParser(int bodyCapChars) {
    if (bodyCapChars < 1) {
      throw new IllegalArgumentException("body cap must be at least 1 character");
    }
    this.bodyCapChars = bodyCapChars;
  }

  /**
   * @throws SourceReadException when reading {@code raw} itself failed (not a parse problem): the
   *     caller should retry rather than publish what was read so far
   */
  public ParsedMessage parse(InputStream raw) throws SourceReadException {
    SourceStream source = new SourceStream(raw);
    Collector collector = new Collector(bodyCapChars);
    StructureMonitor monitor = new StructureMonitor();
    MimeStreamParser parser =
        new MimeStreamParser(
            CONFIG,
            monitor,
            new DefaultBodyDescriptorBuilder(
                null, LenientFieldParser.getParser(), DecodeMonitor.SILENT));
    parser.setContentDecoding(true);
    // A forwarded message (message/rfc822) is an attachment of this one, not part of its body.
    parser.setNoRecurse();
    parser.setContentHandler(collector);
    String parseError = null;
    try {
      parser.parse(source);
    } catch (MimeException | IOException | RuntimeException e) {
      if (source.failure != null) {
        throw new SourceReadException(source.failure);
      }
      parseError = describe(e);
    }
    if (source.failure != null) {
      throw new SourceReadException(source.failure);
    }
    Headers headers = new Headers(collector.topFields);
    if (parseError == null) {
      parseError = monitor.problem;
    }
    if (parseError == null && headers.isEmpty()) {
      parseError = "no header fields found: not an RFC 5322 message";
    }
    return collector.result(headers, parseError);
  }

  private static String describe(Exception e) {
    Throwable cause = e;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    if (cause instanceof MaxLineLimitException) {
      return "a line is longer than " + MAX_LINE + " characters";
    }
    if (cause instanceof MaxHeaderLimitException) {
      return "the header exceeds the parser's limits: " + cause.getMessage();
    }
    String message = cause.getMessage() == null ? "" : ": " + cause.getMessage();
    return "unparsable MIME (" + cause.getClass().getSimpleName() + message + ")";
  }

  /** Remembers failures of the underlying stream, to tell them apart from parse failures. */
  /**
   * The text without U+0000, which is valid in mail (e.g. quoted-printable =00) but refused by
   * PostgreSQL text columns downstream.
   */
  public static String withoutNul(String value) {
    return value == null || value.indexOf('\0') < 0 ? value : value.replace("\0", "");
  }

  private static final class SourceStream extends FilterInputStream {

    IOException failure;

    SourceStream(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      try {
        return super.read();
      } catch (IOException e) {
        failure = e;
        throw e;
      }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      try {
        return super.read(b, off, len);
      } catch (IOException e) {
        failure = e;
        throw e;
      }
    }
  }

  /** Records structural defects mime4j tolerates but that mean content may be missing. */
  private static final class StructureMonitor extends DecodeMonitor {

    String problem;

    @Override
    public boolean warn(String message, String dummy) {
      if (problem == null
          && message != null
          && message.contains(Event.MIME_BODY_PREMATURE_END.toString())) {
        problem =
            "incomplete MIME structure: a multipart body ends without its closing boundary"
                + " (truncated message?)";
      }
      return false;
    }

    @Override
    public boolean isListening() {
      return true;
    }
  }

  /**
   * A part's decoded content as the collector reads it: counts every byte and, for text and HTML
   * parts, digests them, so the message key covers whole parts whatever the body cap kept.
   */
  private static final class PartContent extends FilterInputStream {

    private final MessageDigest digest;
    private long size;

    PartContent(InputStream decoded, boolean digested) {
      super(decoded);
      this.digest = digested ? sha256() : null;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        size++;
        if (digest != null) {
          digest.update((byte) b);
        }
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int off, int len) throws IOException {
      int n = super.read(buffer, off, len);
      if (n > 0) {
        size += n;
        if (digest != null) {
          digest.update(buffer, off, n);
        }
      }
      return n;
    }

    /** Reads what the collector left unread; the part's whole decoded size. */
    long drain() throws IOException {
      transferTo(OutputStream.nullOutputStream());
      return size;
    }

    MessageIdentity.Part identityPart(String mimeType) throws IOException {
      drain();
      return new MessageIdentity.Part(
          mimeType, size, digest == null ? null : HexFormat.of().formatHex(digest.digest()));
    }

    private static MessageDigest sha256() {
      try {
        return MessageDigest.getInstance("SHA-256");
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException("SHA-256 is required of every JDK", e);
      }
    }
  }

  private static final class Collector extends AbstractContentHandler {

    final List<Field> topFields = new ArrayList<>();
    private final int cap;
    private int headers;
    private boolean inTopHeader;

    /** Part path of the entity being parsed: "" for the message itself, then "2", "2.1"... */
    private final Deque<String> entities = new ArrayDeque<>(List.of(""));

    private final Deque<int[]> childCounts = new ArrayDeque<>();
    private StringBuilder text;
    private boolean textTruncated;
    private StringBuilder html;
    private boolean htmlTruncated;
    private final List<AttachmentMetadata> attachments = new ArrayList<>();

    /** Every leaf part by type, decoded size and (text and HTML) content digest, for the key. */
    private final List<MessageIdentity.Part> identityParts = new ArrayList<>();

    Collector(int cap) {
      this.cap = cap;
    }

    @Override
    public void startHeader() {
      inTopHeader = ++headers == 1;
    }

    @Override
    public void field(Field field) {
      if (inTopHeader) {
        topFields.add(field);
      }
    }

    @Override
    public void endHeader() {
      inTopHeader = false;
    }

    @Override
    public void startMultipart(BodyDescriptor bd) {
      childCounts.push(new int[1]);
    }

    @Override
    public void endMultipart() {
      childCounts.pop();
    }

    @Override
    public void startBodyPart() {
      int number = ++childCounts.peek()[0];
      String parent = entities.peek();
      entities.push(parent.isEmpty() ? Integer.toString(number) : parent + "." + number);
    }

    @Override
    public void endBodyPart() {
      entities.pop();
    }

    @Override
    public void body(BodyDescriptor bd, InputStream decoded) throws IOException {
      // A message that is not multipart has its content as IMAP part "1".
      String path = entities.peek().isEmpty() ? "1" : entities.peek();
      MaximalBodyDescriptor descriptor = (MaximalBodyDescriptor) bd;
      String mimeType = descriptor.getMimeType().toLowerCase(Locale.ROOT);
      String disposition =
          descriptor.getContentDispositionType() == null
              ? null
              : descriptor.getContentDispositionType().toLowerCase(Locale.ROOT);
      String filename = filename(descriptor);
      boolean attached = "attachment".equals(disposition) || filename != null;
      boolean bodyText =
          !attached && (mimeType.equals("text/plain") || mimeType.equals("text/html"));
      PartContent content = new PartContent(decoded, bodyText);
      if (!bodyText || !readBody(mimeType, descriptor.getCharset(), content)) {
        long size = content.drain();
        String contentId = contentId(descriptor.getContentId());
        boolean inline = "inline".equals(disposition) || (disposition == null && contentId != null);
        attachments.add(new AttachmentMetadata(path, filename, mimeType, size, contentId, inline));
      }
      identityParts.add(content.identityPart(mimeType));
    }

    /**
     * Reads a text or HTML part into the body, up to the cap; false when it is not the body (an
     * HTML part after the first, listed as an attachment).
     */
    private boolean readBody(String mimeType, String charset, InputStream content)
        throws IOException {
      if (mimeType.equals("text/plain")) {
        if (text != null && text.length() >= cap) {
          textTruncated = true; // more plain text than the cap allows
        } else {
          if (text == null) {
            text = new StringBuilder();
          } else {
            text.append('\n');
          }
          textTruncated |= readCapped(content, charset, text);
        }
        return true;
      }
      if (html == null) {
        html = new StringBuilder();
        htmlTruncated = readCapped(content, charset, html);
        return true;
      }
      return false;
    }

    /** Appends decoded text to {@code target} up to the cap; true when the cap cut it. */
    private boolean readCapped(InputStream decoded, String charsetName, StringBuilder target)
        throws IOException {
      Reader reader =
          new InputStreamReader(
              decoded,
              charset(charsetName)
                  .newDecoder()
                  .onMalformedInput(CodingErrorAction.REPLACE)
                  .onUnmappableCharacter(CodingErrorAction.REPLACE));
      char[] buffer = new char[8192];
      int n;
      while ((n = reader.read(buffer)) != -1) {
        int room = cap - target.length();
        if (n > room) {
          target.append(buffer, 0, room);
          return true;
        }
        target.append(buffer, 0, n);
      }
      return false;
    }

    ParsedMessage result(Headers headers, String parseError) {
      String subject = withoutNul(headers.subject());
      Instant sentAt = headers.sentAt();
      List<Participant> participants =
          headers.participants().stream()
              .map(p -> new Participant(p.role(), withoutNul(p.address()), withoutNul(p.name())))
              .distinct()
              .toList();
      String bodyText = text == null ? null : withoutNul(text.toString());
      String messageId = withoutNul(headers.messageId());
      String messageKey =
          MessageKey.of(
              new MessageIdentity(
                  messageId,
                  addresses(participants, Participant.Role.FROM),
                  addresses(participants, Participant.Role.TO),
                  addresses(participants, Participant.Role.CC),
                  sentAt,
                  headers.rawDate(),
                  subject,
                  identityParts));
      return new ParsedMessage(
          messageKey,
          messageId,
          withoutNul(headers.inReplyTo()),
          headers.references().stream().map(MessageParser::withoutNul).toList(),
          subject,
          sentAt,
          participants,
          new MessageBody(
              bodyText,
              html == null ? null : withoutNul(html.toString()),
              textTruncated,
              htmlTruncated),
          attachments.stream()
              .map(
                  a ->
                      new AttachmentMetadata(
                          a.partPath(),
                          withoutNul(a.filename()),
                          withoutNul(a.contentType()),
                          a.sizeBytes(),
                          withoutNul(a.contentId()),
                          a.inline()))
              .toList(),
          withoutNul(parseError));
    }

    private static List<String> addresses(List<Participant> participants, Participant.Role role) {
      return participants.stream().filter(p -> p.role() == role).map(Participant::address).toList();
    }

    private static String filename(MaximalBodyDescriptor descriptor) {
      String name = descriptor.getContentDispositionFilename();
      if (name == null || name.isBlank()) {
        name = descriptor.getContentTypeParameters().get("name");
      }
      if (name == null || name.isBlank()) {
        return null;
      }
      String repaired = Headers.repairUtf8(name);
      // Encoded words are not allowed in parameters but many mailers write them anyway.
      return repaired.contains("=?")
          ? DecoderUtil.decodeEncodedWords(repaired, DecodeMonitor.SILENT).strip()
          : repaired.strip();
    }

    private static String contentId(String raw) {
      if (raw == null || raw.isBlank()) {
        return null;
      }
      String id = raw.strip();
      if (id.startsWith("<") && id.endsWith(">")) {
        id = id.substring(1, id.length() - 1).strip();
      }
      return id.isEmpty() ? null : id;
    }

    /** Declared charset; US-ASCII (the MIME default) and unknown names read as UTF-8. */
    private static Charset charset(String name) {
      if (name == null || name.isBlank() || name.equalsIgnoreCase("us-ascii")) {
        return StandardCharsets.UTF_8;
      }
      try {
        return Charset.forName(name.strip());
      } catch (IllegalArgumentException unknown) {
        return StandardCharsets.UTF_8;
      }
    }
  }
}
