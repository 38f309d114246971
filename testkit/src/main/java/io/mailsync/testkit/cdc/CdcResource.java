package io.mailsync.testkit.cdc;

import io.mailsync.testkit.postgres.TestDatabase;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.util.Map;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Runs the cdc process against a {@code @QuarkusTest}'s database and broker, so that what the
 * service writes to its outbox reaches Kafka as in production:
 * {@code @WithTestResource(CdcResource.class)} beside the Kafka and PostgreSQL resources. A {@link
 * CdcProcess} field annotated {@link InjectCdc} gets the process, to kill or pause it.
 *
 * <p>cdc starts when the first test instance is created, not with the other resources: by then the
 * application has started and its migrations have created the tables cdc captures (Debezium's
 * publication names the captured tables that exist when it starts). Before each test it is running
 * and streaming again, whatever the previous test did to it. Its slot and publication are dropped
 * when the resource stops, before the database is.
 */
public class CdcResource implements QuarkusTestResourceLifecycleManager {

  private CdcProcess cdc;

  @Override
  public Map<String, String> start() {
    return Map.of();
  }

  @Override
  public synchronized void inject(TestInjector testInjector) {
    try {
      if (cdc == null) {
        Config config = ConfigProvider.getConfig();
        cdc =
            CdcProcess.start(
                TestDatabase.of(config), config.getValue("kafka.bootstrap.servers", String.class));
      } else {
        cdc.ensureRunning();
      }
    } catch (IOException e) {
      throw new IllegalStateException("cdc could not be resumed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while starting cdc", e);
    }
    testInjector.injectIntoFields(
        cdc, new TestInjector.AnnotatedAndMatchesType(InjectCdc.class, CdcProcess.class));
  }

  @Override
  public synchronized void stop() {
    if (cdc != null) {
      cdc.close();
      cdc = null;
    }
  }

  /** Stopped before the PostgreSQL resource (order 0), which drops the database with the slot. */
  @Override
  public int order() {
    return -1;
  }
}
