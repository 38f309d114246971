package io.mailsync.timeline.directory;

import io.mailsync.mail.address.EmailAddressSyntax;
import io.mailsync.rest.Caller;
import io.mailsync.rest.ConflictException;
import io.mailsync.rest.InvalidRequestException;
import io.mailsync.rest.UniqueViolation;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** CRM users of the tenant; the linker never treats their addresses as customers. */
@Path("/api/v1/users")
@Authenticated
public class UserResource {

  static final String EMAIL_TAKEN = "is already the address of another user";

  private final Caller caller;

  public UserResource(Caller caller) {
    this.caller = caller;
  }

  public record UserRequest(
      @NotBlank @Size(max = 320) String email, @Size(max = 200) String name) {}

  public record UserView(UUID id, String email, String name, Instant createdAt) {
    static UserView of(AppUser u) {
      return new UserView(u.id, u.email, u.name, u.createdAt);
    }
  }

  @POST
  @WithTransaction
  public Uni<Response> create(@Valid @NotNull UserRequest request) {
    String tenantId = caller.tenantId();
    String email = EmailAddressSyntax.normalize(request.email()).orElse(null);
    if (email == null) {
      throw new InvalidRequestException("email", "is not an email address: " + request.email());
    }
    return AppUser.count("tenantId = ?1 and email = ?2", tenantId, email)
        .chain(
            taken -> {
              if (taken > 0) {
                throw new ConflictException("email", EMAIL_TAKEN);
              }
              AppUser appUser = new AppUser();
              appUser.id = UUID.randomUUID();
              appUser.tenantId = tenantId;
              appUser.email = email;
              appUser.name = request.name() == null ? null : request.name().strip();
              appUser.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
              // A concurrent request may insert the same address between count and insert.
              return appUser
                  .<AppUser>persistAndFlush()
                  .onFailure(UniqueViolation::in)
                  .transform(e -> new ConflictException("email", EMAIL_TAKEN, e));
            })
        .map(
            saved ->
                Response.created(URI.create("/api/v1/users/" + saved.id))
                    .entity(UserView.of(saved))
                    .build());
  }

  @GET
  @Path("/{id}")
  @WithSession
  public Uni<UserView> get(@PathParam("id") UUID id) {
    return AppUser.<AppUser>find("id = ?1 and tenantId = ?2", id, caller.tenantId())
        .firstResult()
        .onItem()
        .ifNull()
        .failWith(NotFoundException::new)
        .map(UserView::of);
  }
}
