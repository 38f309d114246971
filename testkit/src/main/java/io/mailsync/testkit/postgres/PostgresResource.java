package io.mailsync.testkit.postgres;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Gives a {@code @QuarkusTest} a fresh database on the test PostgreSQL server and drops it when the
 * test resource stops. Use with {@code @WithTestResource(PostgresResource.class)}.
 */
public class PostgresResource implements QuarkusTestResourceLifecycleManager {

  private TestDatabase database;

  @Override
  public Map<String, String> start() {
    database = PostgresServer.shared().createDatabase("quarkus");
    return database.quarkusConfig();
  }

  @Override
  public void stop() {
    if (database != null) {
      PostgresServer.shared().dropDatabase(database);
    }
  }
}
