package io.mailsync.fetcher;

import io.mailsync.testkit.kafka.KafkaResource;
import io.mailsync.testkit.quarkus.ServiceEndpointsContract;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(KafkaResource.class)
class FetcherServiceEndpointsIT extends ServiceEndpointsContract {

  @Override
  protected String applicationName() {
    return "fetcher-service";
  }
}
