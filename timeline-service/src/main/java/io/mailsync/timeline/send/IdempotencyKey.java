package io.mailsync.timeline.send;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.mailsync.contracts.EventJson;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A client's {@code Idempotency-Key} with the fingerprint of the request it came with, so that the
 * key's second use can be told apart as a retry (same fingerprint) or a new request (another one).
 *
 * @param requestFingerprint SHA-256 (hex) of the request in JSON: the fields as the API read them,
 *     in declaration order, absent ones left out — so the order of a client's JSON properties and
 *     its white space do not matter, every value does
 */
public record IdempotencyKey(String value, String requestFingerprint) {

  public static IdempotencyKey of(String value, Object request) {
    try {
      byte[] canonical = EventJson.mapper().writeValueAsBytes(request);
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical);
      return new IdempotencyKey(value, HexFormat.of().formatHex(digest));
    } catch (JsonProcessingException | NoSuchAlgorithmException e) {
      throw new IllegalStateException("cannot fingerprint " + request.getClass(), e);
    }
  }
}
