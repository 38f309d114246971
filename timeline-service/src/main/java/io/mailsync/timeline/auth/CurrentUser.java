package io.mailsync.timeline.auth;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotAuthorizedException;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The caller of a REST request: tenant and user from the verified bearer token. */
@RequestScoped
public class CurrentUser {

  public static final String TENANT_CLAIM = "tenant_id";

  @Inject JsonWebToken token;

  /** Also refuses a token without a user: every request acts for a tenant and a user. */
  public String tenantId() {
    userId();
    Object tenant = token.getClaim(TENANT_CLAIM);
    String value = tenant == null ? null : tenant.toString();
    if (value == null || value.isBlank()) {
      // A token without a tenant is as good as none: nothing can be scoped to it.
      throw new NotAuthorizedException("token carries no " + TENANT_CLAIM, "Bearer");
    }
    return value;
  }

  public String userId() {
    String subject = token.getSubject();
    if (subject == null || subject.isBlank()) {
      // Without a user nothing can be attributed (sends, idempotency keys): refuse the token.
      throw new NotAuthorizedException("token carries no subject", "Bearer");
    }
    return subject;
  }
}
