package io.mailsync.timeline;

import io.mailsync.testkit.quarkus.ServiceEndpointsContract;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class TimelineServiceEndpointsTest extends ServiceEndpointsContract {

  @Override
  protected String applicationName() {
    return "timeline-service";
  }
}
