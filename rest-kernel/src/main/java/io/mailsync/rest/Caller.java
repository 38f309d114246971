package io.mailsync.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonString;
import jakarta.ws.rs.NotAuthorizedException;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is calling a REST endpoint, from the verified bearer token: the user ({@code sub}), the
 * tenant ({@code tenant_id}) and the groups that carry their roles ({@code groups}).
 *
 * <p>Every request acts for one user of one tenant: nothing can be scoped without the tenant, and
 * nothing attributed (sends, idempotency keys, mailbox ownership) without the user. A token lacking
 * either is refused with 401 as soon as an endpoint asks who is calling.
 */
@RequestScoped
public class Caller {

  public static final String TENANT_CLAIM = "tenant_id";

  private final JsonWebToken token;

  public Caller(JsonWebToken token) {
    this.token = token;
  }

  /**
   * @throws NotAuthorizedException (401) when the token names no tenant or no user
   */
  public String tenantId() {
    requireIdentity();
    return text(token.getClaim(TENANT_CLAIM));
  }

  /**
   * @throws NotAuthorizedException (401) when the token names no tenant or no user
   */
  public String userId() {
    requireIdentity();
    return token.getSubject();
  }

  /** The token's groups, e.g. {@code admin}, {@code user}; empty when it has none. */
  public Set<String> groups() {
    requireIdentity();
    Set<String> groups = token.getGroups();
    return groups == null ? Set.of() : Set.copyOf(groups);
  }

  private void requireIdentity() {
    if (blank(token.getSubject())) {
      throw new NotAuthorizedException("the token names no user (sub)", "Bearer");
    }
    if (blank(text(token.getClaim(TENANT_CLAIM)))) {
      throw new NotAuthorizedException(
          "the token names no tenant (" + TENANT_CLAIM + ")", "Bearer");
    }
  }

  private static String text(Object claim) {
    if (claim instanceof JsonString json) {
      return json.getString();
    }
    return claim == null ? null : claim.toString();
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
