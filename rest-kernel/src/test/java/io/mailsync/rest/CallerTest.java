package io.mailsync.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipal;
import jakarta.ws.rs.NotAuthorizedException;
import java.util.List;
import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.Test;

class CallerTest {

  @Test
  void readsUserTenantAndGroupsFromTheToken() {
    Caller caller = caller("user-1", "tenant-a", List.of("admin", "user"));

    assertThat(caller.userId()).isEqualTo("user-1");
    assertThat(caller.tenantId()).isEqualTo("tenant-a");
    assertThat(caller.groups()).containsExactlyInAnyOrder("admin", "user");
  }

  @Test
  void aTokenWithoutGroupsHasNone() {
    assertThat(caller("user-1", "tenant-a", null).groups()).isEmpty();
  }

  @Test
  void aTokenWithoutUserOrTenantIsRefusedWith401() {
    for (Caller caller :
        List.of(
            caller(null, "tenant-a", null),
            caller(" ", "tenant-a", null),
            caller("u", null, null),
            caller("u", "", null))) {
      assertThatThrownBy(caller::tenantId)
          .isInstanceOfSatisfying(
              NotAuthorizedException.class,
              e -> assertThat(e.getResponse().getStatus()).isEqualTo(401));
      assertThatThrownBy(caller::userId).isInstanceOf(NotAuthorizedException.class);
    }
  }

  private static Caller caller(String subject, String tenant, List<String> groups) {
    JwtClaims claims = new JwtClaims();
    claims.setIssuer("mailsync");
    if (subject != null) {
      claims.setSubject(subject);
    }
    if (tenant != null) {
      claims.setClaim(Caller.TENANT_CLAIM, tenant);
    }
    if (groups != null) {
      claims.setStringListClaim("groups", groups);
    }
    return new Caller(new DefaultJWTCallerPrincipal(claims));
  }
}
