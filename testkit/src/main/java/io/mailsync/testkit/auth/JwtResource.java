package io.mailsync.testkit.auth;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** Makes a {@code @QuarkusTest} trust {@link TestJwt} tokens (and only those). */
public class JwtResource implements QuarkusTestResourceLifecycleManager {

  @Override
  public Map<String, String> start() {
    return Map.of(
        "mp.jwt.verify.publickey",
        TestJwt.publicKeyBase64(),
        "mp.jwt.verify.issuer",
        TestJwt.ISSUER);
  }

  @Override
  public void stop() {}
}
