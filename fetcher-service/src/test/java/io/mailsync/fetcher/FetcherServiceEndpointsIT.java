package io.mailsync.fetcher;

import io.mailsync.testkit.auth.JwtResource;
import io.mailsync.testkit.cdc.CdcResource;
import io.mailsync.testkit.kafka.KafkaResource;
import io.mailsync.testkit.postgres.PostgresResource;
import io.mailsync.testkit.quarkus.ServiceEndpointsContract;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(PostgresResource.class)
@WithTestResource(JwtResource.class)
@WithTestResource(CdcResource.class)
class FetcherServiceEndpointsIT extends ServiceEndpointsContract {

  @Override
  protected String applicationName() {
    return "fetcher-service";
  }
}
