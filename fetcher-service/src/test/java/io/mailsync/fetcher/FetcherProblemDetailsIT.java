package io.mailsync.fetcher;

import io.mailsync.testkit.auth.JwtResource;
import io.mailsync.testkit.cdc.CdcResource;
import io.mailsync.testkit.kafka.KafkaResource;
import io.mailsync.testkit.postgres.PostgresResource;
import io.mailsync.testkit.quarkus.ProblemDetailsContract;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(PostgresResource.class)
@WithTestResource(JwtResource.class)
@WithTestResource(CdcResource.class)
class FetcherProblemDetailsIT extends ProblemDetailsContract {

  @Override
  protected String protectedGetPath() {
    return "/api/v1/mailboxes";
  }

  @Override
  protected String jsonPostPath() {
    return "/api/v1/mailboxes";
  }
}
