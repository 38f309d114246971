package io.mailsync.cdc;

import io.debezium.embedded.ClientProvided;
import io.debezium.engine.ChangeEvent;
import io.debezium.engine.DebeziumEngine;
import io.debezium.engine.Header;
import io.debezium.engine.format.KeyValueHeaderChangeEventFormat;
import io.debezium.engine.spi.OffsetCommitPolicy;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the Debezium embedded engine and publishes each change event to Kafka with its key, value
 * and headers as the connector's converters wrote them (the converters {@code connector.properties}
 * names, as in Kafka Connect). A batch's offsets are committed only after the broker acknowledged
 * every record of it, so a crash replays changes (at-least-once) but never loses one.
 */
public final class ChangeCapture implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ChangeCapture.class);
  private static final Duration CLOSE_WAIT = Duration.ofSeconds(30);
  private static final Duration CLOSE_RETRY = Duration.ofMillis(100);

  private final CdcSettings settings;
  private final KafkaProducer<byte[], byte[]> producer;
  private final DebeziumEngine<ChangeEvent<Object, Object>> engine;
  private final ExecutorService executor =
      Executors.newSingleThreadExecutor(r -> new Thread(r, "debezium-engine"));
  private final CompletableFuture<Void> stopped = new CompletableFuture<>();
  private volatile boolean closing;

  public ChangeCapture(CdcSettings settings) {
    this.settings = settings;
    settings.createDataDirectory();
    this.producer = producer(settings.kafkaBootstrapServers());
    this.engine =
        DebeziumEngine.create(
                KeyValueHeaderChangeEventFormat.of(
                    ClientProvided.class, ClientProvided.class, ClientProvided.class))
            .using(settings.engineProperties())
            .notifying(this::publish)
            // Committed as soon as the broker acknowledged a batch: a kill replays that batch at
            // most.
            .using(OffsetCommitPolicy.always())
            .using(
                (success, message, error) -> {
                  if (success) {
                    stopped.complete(null);
                  } else if (closing) {
                    // Stopped before it ran (a stop signal during start-up): nothing to replay.
                    LOG.info("cdc: stopped while starting ({})", message);
                    stopped.complete(null);
                  } else {
                    stopped.completeExceptionally(
                        error != null ? error : new IllegalStateException(message));
                  }
                })
            .build();
  }

  public void start() {
    LOG.info(
        "cdc: capturing {} into topics {}.*",
        settings.get("database.dbname"),
        settings.get("topic.prefix"));
    executor.execute(engine);
  }

  /** Completes when the engine stops: normally after {@link #close()}, exceptionally on failure. */
  public CompletableFuture<Void> stopped() {
    return stopped;
  }

  private void publish(
      List<ChangeEvent<Object, Object>> batch,
      DebeziumEngine.RecordCommitter<ChangeEvent<Object, Object>> committer)
      throws InterruptedException {
    List<Future<RecordMetadata>> sends = new ArrayList<>(batch.size());
    for (ChangeEvent<Object, Object> event : batch) {
      sends.add(producer.send(record(event)));
    }
    producer.flush();
    for (int i = 0; i < batch.size(); i++) {
      try {
        sends.get(i).get();
      } catch (ExecutionException e) {
        // Don't mark anything after a failed send: the engine stops and replays from the last
        // committed offset on restart.
        throw new IllegalStateException(
            "publishing to " + batch.get(i).destination() + " failed", e.getCause());
      }
      committer.markProcessed(batch.get(i));
    }
    committer.markBatchFinished();
  }

  /** The converters hand out bytes: {@code ClientProvided} formats keep what they wrote. */
  private static ProducerRecord<byte[], byte[]> record(ChangeEvent<Object, Object> event) {
    Headers headers = new RecordHeaders();
    for (Header<Object> header : event.<Object>headers()) {
      headers.add(header.getKey(), (byte[]) header.getValue());
    }
    return new ProducerRecord<>(
        event.destination(), null, (byte[]) event.key(), (byte[]) event.value(), headers);
  }

  @Override
  public void close() throws IOException {
    closing = true;
    try {
      closeEngine();
    } finally {
      executor.shutdown();
      producer.close();
    }
  }

  /**
   * The engine refuses to stop while its tasks are still starting (a stop signal right after
   * start-up), so it is asked again until they have started, for a bounded time.
   */
  private void closeEngine() throws IOException {
    long deadline = System.nanoTime() + CLOSE_WAIT.toNanos();
    while (true) {
      try {
        engine.close();
        return;
      } catch (IllegalStateException stillStarting) {
        if (System.nanoTime() > deadline) {
          throw stillStarting;
        }
        LOG.debug("engine tasks still starting; stopping again shortly");
        try {
          Thread.sleep(CLOSE_RETRY.toMillis());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IOException("interrupted while stopping the engine", e);
        }
      }
    }
  }

  private static KafkaProducer<byte[], byte[]> producer(String bootstrapServers) {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    props.put(ProducerConfig.CLIENT_ID_CONFIG, "mailsync-cdc");
    return new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
  }
}
