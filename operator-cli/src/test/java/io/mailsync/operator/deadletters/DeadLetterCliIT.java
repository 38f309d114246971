package io.mailsync.operator.deadletters;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailsync.contracts.Topics;
import io.mailsync.contracts.kafka.DeadLetter;
import io.mailsync.contracts.kafka.PoisonRecord;
import io.mailsync.testkit.kafka.KafkaBroker;
import io.mailsync.testkit.kafka.TestTopics;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The operator's dead-letter commands against a real broker. */
class DeadLetterCliIT {

  private static final String DLQ = Topics.deadLetter("sender");

  private final String run = UUID.randomUUID().toString().substring(0, 8);

  @BeforeAll
  static void topics() {
    KafkaBroker.shared().createMailsyncTopics();
  }

  @Test
  void listsShowsAndRedrivesEachLetterOnce() throws Exception {
    byte[] value = ("{not json " + run + "}").getBytes(StandardCharsets.UTF_8);
    Headers sourceHeaders = new RecordHeaders();
    sourceHeaders.add("ce_id", run.getBytes(StandardCharsets.UTF_8));
    sourceHeaders.add("opaque", new byte[] {(byte) 0xff, 0, 1});
    ProducerRecord<String, byte[]> original =
        new ProducerRecord<>(Topics.SEND_COMMANDS, null, "t/" + run, value, sourceHeaders);
    RecordMetadata source = send(original);
    RecordMetadata letter = deadLetter(original, source, "not a SendEmail " + run);

    Result list = cli("list", "sender");
    assertThat(list.status()).isZero();
    assertThat(list.out())
        .contains(String.join("\t", DLQ, "0", Long.toString(letter.offset())))
        .contains(
            Topics.SEND_COMMANDS
                + "-"
                + source.partition()
                + "@"
                + source.offset()
                + "\tpending\tt/"
                + run)
        .contains("not a SendEmail " + run);

    Result show = cli("show", DLQ, Long.toString(letter.offset()));
    assertThat(show.status()).isZero();
    assertThat(show.out())
        .contains("reason:  not a SendEmail " + run)
        .contains("  ce_id: " + run)
        .contains("  opaque: base64:/wAB")
        .contains("  dead-letter-offset: " + source.offset())
        .contains("{not json " + run + "}");

    Result redrive = cli("redrive", DLQ);
    assertThat(redrive.status()).isZero();
    assertThat(redrive.out()).contains("redriven: 1, skipped: 0");
    List<ConsumerRecord<String, byte[]>> republished = after(source);
    assertThat(republished).hasSize(1);
    ConsumerRecord<String, byte[]> again = republished.getFirst();
    assertThat(again.key()).isEqualTo(original.key());
    assertThat(again.value()).isEqualTo(value);
    assertThat(again.headers().toArray()).containsExactly(sourceHeaders.toArray());

    Result repeated = cli("redrive", DLQ);
    assertThat(repeated.status()).isZero();
    assertThat(repeated.out()).contains("nothing to redrive");
    assertThat(after(source)).as("a repeated redrive republishes nothing").hasSize(1);
    assertThat(cli("list", DLQ).out()).contains("\tdone\tt/" + run);
  }

  @Test
  void redrivesUpToTheGivenOffsetAndKeepsLettersThatNameNoSource() throws Exception {
    ProducerRecord<String, byte[]> original =
        new ProducerRecord<>(Topics.SEND_COMMANDS, "t/" + run, new byte[] {1});
    RecordMetadata source = send(original);
    cli("redrive", DLQ); // whatever earlier tests left pending
    RecordMetadata anonymous =
        send(new ProducerRecord<>(DLQ, 0, null, "no coordinates".getBytes(StandardCharsets.UTF_8)));
    RecordMetadata first = deadLetter(original, source, "first");
    RecordMetadata second = deadLetter(original, source, "second");

    Result upToFirst = cli("redrive", "sender", "--through", Long.toString(first.offset()));
    assertThat(upToFirst.out())
        .contains("skipped " + DLQ + "-0@" + anonymous.offset())
        .contains("redriven " + DLQ + "-0@" + first.offset())
        .doesNotContain("@" + second.offset() + " ->")
        .contains("redriven: 1, skipped: 1");
    Result rest = cli("redrive", "sender");
    assertThat(rest.out())
        .contains("redriven " + DLQ + "-0@" + second.offset())
        .contains("redriven: 1, skipped: 0");
    assertThat(after(source)).hasSize(2);
    assertThat(cli("show", DLQ, Long.toString(anonymous.offset())).out())
        .as("a skipped letter stays to be inspected")
        .contains("no coordinates");
  }

  @Test
  void doesNotRedriveOverANewerStateOfTheSameKeyOnACompactedTopic() throws Exception {
    String key = "t/" + run;
    ProducerRecord<String, byte[]> stale =
        new ProducerRecord<>(
            Topics.MAILBOXES, 0, key, "{\"old\":true}".getBytes(StandardCharsets.UTF_8));
    RecordMetadata source = send(stale);
    cli("redrive", "fetcher"); // whatever earlier tests left pending
    RecordMetadata letter = deadLetter(stale, source, "unusable", Topics.deadLetter("fetcher"));
    send(
        new ProducerRecord<>(
            Topics.MAILBOXES, 0, key, "{\"new\":true}".getBytes(StandardCharsets.UTF_8)));

    Result redrive = cli("redrive", "fetcher");

    assertThat(redrive.out())
        .contains("skipped fetcher.dlq-0@" + letter.offset() + ": a newer record of its key")
        .contains("redriven: 0, skipped: 1");
    assertThat(after(source)).as("only the newer record").hasSize(1);
  }

  @Test
  void refusesWhatItCannotDo() {
    Result notADeadLetterTopic = cli("redrive", Topics.MESSAGES);
    assertThat(notADeadLetterTopic.status()).isEqualTo(2);
    assertThat(notADeadLetterTopic.err()).contains("is not a dead-letter topic").contains("usage:");
    assertThat(cli("frobnicate").status()).isEqualTo(2);
    assertThat(cli("show", DLQ).err()).contains("show needs a TOPIC and an OFFSET");
    assertThat(cli("show", DLQ, "-3").err()).contains("must be a number");

    Result missing = cli("show", DLQ, "999999");
    assertThat(missing.status()).isEqualTo(1);
    assertThat(missing.err()).contains("no dead letter at " + DLQ + "-0@999999");
    Result noPartition = cli("redrive", DLQ, "--partition", "7");
    assertThat(noPartition.status()).isEqualTo(1);
    assertThat(noPartition.err()).contains("has no partition 7");
  }

  /** A dead letter of {@code original} as the services write them. */
  private static RecordMetadata deadLetter(
      ProducerRecord<String, byte[]> original, RecordMetadata source, String reason)
      throws Exception {
    return deadLetter(original, source, reason, DLQ);
  }

  private static RecordMetadata deadLetter(
      ProducerRecord<String, byte[]> original,
      RecordMetadata source,
      String reason,
      String deadLetterTopic)
      throws Exception {
    Headers headers =
        DeadLetter.headers(
            original.headers(),
            new PoisonRecord(reason),
            source.topic(),
            source.partition(),
            source.offset());
    return send(
        new ProducerRecord<>(deadLetterTopic, null, original.key(), original.value(), headers));
  }

  private static RecordMetadata send(ProducerRecord<String, byte[]> record) {
    return TestTopics.publish(record);
  }

  /** The records on the source's partition after it, up to the current end. */
  private static List<ConsumerRecord<String, byte[]>> after(RecordMetadata source) {
    return TestTopics.readAll(source.topic()).stream()
        .filter(r -> r.partition() == source.partition() && r.offset() > source.offset())
        .toList();
  }

  private static Result cli(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    List<String> withBroker = new ArrayList<>(List.of(args));
    withBroker.addAll(List.of("--bootstrap-servers", KafkaBroker.shared().bootstrapServers()));
    int status =
        new DeadLetterCli(
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8))
            .run(withBroker.toArray(String[]::new));
    return new Result(
        status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  private record Result(int status, String out, String err) {}
}
