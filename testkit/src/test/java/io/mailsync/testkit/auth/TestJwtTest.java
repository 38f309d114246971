package io.mailsync.testkit.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class TestJwtTest {

  @Test
  void tokenCarriesTenantAndUserAndVerifiesWithThePublishedKey() throws Exception {
    String[] parts = TestJwt.token("tenant-1", "user-\"1\"").split("\\.");

    String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
    assertThat(claims)
        .contains("\"tenant_id\":\"tenant-1\"")
        .contains("\"sub\":\"user-\\\"1\\\"\"")
        .contains("\"iss\":\"mailsync\"");
    assertThat(verifies(parts)).isTrue();
    assertThat(verifies(TestJwt.foreignToken("tenant-1", "u").split("\\."))).isFalse();
  }

  @Test
  void tokensWithoutSubjectOrTenantLackExactlyThatClaim() throws Exception {
    String noSubject = claims(TestJwt.tokenWithoutSubject("tenant-1"));
    String noTenant = claims(TestJwt.tokenWithoutTenant("user-1"));

    assertThat(noSubject).doesNotContain("\"sub\"").contains("\"tenant_id\":\"tenant-1\"");
    assertThat(noTenant).doesNotContain("tenant_id").contains("\"sub\":\"user-1\"");
    assertThat(verifies(TestJwt.tokenWithoutSubject("t").split("\\."))).isTrue();
  }

  private static String claims(String token) {
    return new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
  }

  private static boolean verifies(String[] parts) throws Exception {
    var key =
        KeyFactory.getInstance("RSA")
            .generatePublic(
                new X509EncodedKeySpec(Base64.getDecoder().decode(TestJwt.publicKeyBase64())));
    Signature rsa = Signature.getInstance("SHA256withRSA");
    rsa.initVerify(key);
    rsa.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
    return rsa.verify(Base64.getUrlDecoder().decode(parts[2]));
  }
}
