package io.mailsync.sender;

import io.mailsync.testkit.quarkus.ServiceEndpointsContract;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class SenderServiceEndpointsTest extends ServiceEndpointsContract {

  @Override
  protected String applicationName() {
    return "sender-service";
  }
}
