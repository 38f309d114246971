package io.mailsync.testkit.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * Bearer tokens for tests, signed RS256 with a key pair made once per test JVM. Services verify
 * them with the public key {@link JwtResource} configures. Claims: {@code iss=mailsync}, {@code
 * sub} (user id), {@code tenant_id}, {@code groups}, {@code iat}, {@code exp}, {@code jti}.
 */
public final class TestJwt {

  public static final String ISSUER = "mailsync";
  public static final String TENANT_CLAIM = "tenant_id";
  private static final KeyPair KEYS = generate();
  private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

  /** A valid token for one hour. */
  public static String token(String tenantId, String userId) {
    return token(tenantId, userId, Instant.now().plus(Duration.ofHours(1)));
  }

  public static String expiredToken(String tenantId, String userId) {
    return token(tenantId, userId, Instant.now().minus(Duration.ofHours(1)));
  }

  /** Signed with a key the services don't trust. */
  public static String foreignToken(String tenantId, String userId) {
    return sign(claims(tenantId, userId, Instant.now().plus(Duration.ofHours(1))), generate());
  }

  /** Valid signature, but no {@code sub}: services must refuse it. */
  public static String tokenWithoutSubject(String tenantId) {
    return sign(
        claims(tenantId, "", Instant.now().plus(Duration.ofHours(1)))
            .replace(",\"sub\":\"\",\"upn\":\"\"", ""),
        KEYS);
  }

  /** Valid signature, but no {@code tenant_id}: services must refuse it. */
  public static String tokenWithoutTenant(String userId) {
    return sign(
        claims("", userId, Instant.now().plus(Duration.ofHours(1)))
            .replace(",\"" + TENANT_CLAIM + "\":\"\"", ""),
        KEYS);
  }

  public static String token(String tenantId, String userId, Instant expiresAt) {
    return sign(claims(tenantId, userId, expiresAt), KEYS);
  }

  /**
   * The public key as base64 DER (X.509 SubjectPublicKeyInfo), the form mp.jwt.verify.publickey
   * takes.
   */
  public static String publicKeyBase64() {
    return Base64.getEncoder().encodeToString(KEYS.getPublic().getEncoded());
  }

  private static String claims(String tenantId, String userId, Instant expiresAt) {
    long now = Instant.now().getEpochSecond();
    return "{\"iss\":\""
        + ISSUER
        + "\",\"sub\":\""
        + json(userId)
        + "\",\"upn\":\""
        + json(userId)
        + "\",\""
        + TENANT_CLAIM
        + "\":\""
        + json(tenantId)
        + "\",\"groups\":[\"user\"],\"iat\":"
        + Math.min(now, expiresAt.getEpochSecond() - 60)
        + ",\"exp\":"
        + expiresAt.getEpochSecond()
        + ",\"jti\":\""
        + UUID.randomUUID()
        + "\"}";
  }

  private static String sign(String claims, KeyPair keys) {
    String signingInput =
        URL.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8))
            + "."
            + URL.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
    try {
      Signature rsa = Signature.getInstance("SHA256withRSA");
      rsa.initSign(keys.getPrivate());
      rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
      return signingInput + "." + URL.encodeToString(rsa.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String json(String value) {
    return value.replace("\\", "\\\\").replace("\"", "\\\"");
  }

  private static KeyPair generate() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private TestJwt() {}
}
