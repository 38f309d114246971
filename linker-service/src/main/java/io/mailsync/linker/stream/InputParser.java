package io.mailsync.linker.stream;

import io.mailsync.contracts.kafka.DeadLetter;
import io.mailsync.contracts.kafka.PoisonRecord;
import io.mailsync.contracts.kafka.RecordCoordinates;
import java.util.List;
import java.util.function.Function;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.jboss.logging.Logger;

/**
 * Turns a raw source record into linker inputs keyed by tenant. A record that cannot be read (a
 * {@link PoisonRecord}) is logged (where it came from and why, never its content) and passed on as
 * {@link ParsedInput.Rejected} for the dead-letter topic, so one bad record never stops the stream.
 */
final class InputParser implements Processor<byte[], byte[], String, ParsedInput> {

  private static final Logger LOG = Logger.getLogger(InputParser.class);

  /** Reads a record value; throws a {@link PoisonRecord} naming what is wrong with it. */
  private final Function<byte[], List<LinkerInput>> parse;

  private ProcessorContext<String, ParsedInput> context;

  InputParser(Function<byte[], List<LinkerInput>> parse) {
    this.parse = parse;
  }

  @Override
  public void init(ProcessorContext<String, ParsedInput> context) {
    this.context = context;
  }

  @Override
  public void process(Record<byte[], byte[]> record) {
    List<LinkerInput> inputs;
    try {
      inputs = parse.apply(record.value());
    } catch (PoisonRecord e) {
      // A record that can never be read must not stop the partition. Anything else is a fault
      // of ours, not of the record: it fails the task, and the record is read again after the
      // restart instead of being parked.
      reject(record, e);
      return;
    }
    for (LinkerInput input : inputs) {
      // Source headers stay behind: the output carries its own CloudEvents headers.
      context.forward(
          new Record<String, ParsedInput>(
              input.tenantId(),
              new ParsedInput.Accepted(input),
              record.timestamp(),
              new RecordHeaders()));
    }
  }

  /**
   * Forwards the record as a dead letter of the one shape ({@link DeadLetter}), stamped with the
   * time it was rejected as SmallRye stamps the messaging services' dead letters.
   */
  private void reject(Record<byte[], byte[]> record, PoisonRecord failure) {
    // This processor reads straight from a source topic, so every record has its coordinates.
    RecordMetadata source = context.recordMetadata().orElseThrow();
    LOG.warnf(
        "Dead-lettering record %s: %s",
        new RecordCoordinates(source.topic(), source.partition(), source.offset()),
        failure.getMessage());
    context.forward(
        new Record<String, ParsedInput>(
            null,
            new ParsedInput.Rejected(record.key(), record.value()),
            context.currentSystemTimeMs(),
            DeadLetter.headers(
                record.headers(), failure, source.topic(), source.partition(), source.offset())));
  }
}
