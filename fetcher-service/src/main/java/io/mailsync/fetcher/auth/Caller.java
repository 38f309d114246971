package io.mailsync.fetcher.auth;

import jakarta.json.JsonString;
import jakarta.ws.rs.NotAuthorizedException;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Who is calling: the tenant from the token's {@code tenant_id} claim and the user from sub. */
public record Caller(String tenantId, String userId) {

  public static final String TENANT_CLAIM = "tenant_id";

  /**
   * @throws NotAuthorizedException (401) when the token names no tenant or no user
   */
  public static Caller of(JsonWebToken token) {
    String tenant = text(token.getClaim(TENANT_CLAIM));
    String user = token.getSubject();
    if (tenant == null || tenant.isBlank() || user == null || user.isBlank()) {
      throw new NotAuthorizedException("token without tenant or subject", "Bearer");
    }
    return new Caller(tenant, user);
  }

  private static String text(Object claim) {
    if (claim instanceof JsonString json) {
      return json.getString();
    }
    return claim == null ? null : claim.toString();
  }
}
