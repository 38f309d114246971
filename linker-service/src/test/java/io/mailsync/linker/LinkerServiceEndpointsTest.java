package io.mailsync.linker;

import io.mailsync.testkit.quarkus.ServiceEndpointsContract;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class LinkerServiceEndpointsTest extends ServiceEndpointsContract {

  @Override
  protected String applicationName() {
    return "linker-service";
  }
}
