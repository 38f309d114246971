package io.mailsync.timeline.directory;

import io.mailsync.mail.validation.MailAddress;
import io.mailsync.rest.Caller;
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
import java.util.UUID;

/**
 * REST edge of the tenant's CRM users, whose addresses the linker never treats as customers; the
 * {@link Directory} decides.
 */
@Path("/api/v1/users")
@Authenticated
public class UserResource {

  private final Caller caller;
  private final Directory directory;

  public UserResource(Caller caller, Directory directory) {
    this.caller = caller;
    this.directory = directory;
  }

  public record UserRequest(
      @NotBlank @Size(max = 320) @MailAddress String email, @Size(max = 200) String name) {}

  public record UserView(UUID id, String email, String name, Instant createdAt) {
    static UserView of(AppUser u) {
      return new UserView(u.id, u.email, u.name, u.createdAt);
    }
  }

  @POST
  public Uni<Response> create(@Valid @NotNull UserRequest request) {
    return directory
        .createUser(caller.tenantId(), request.email(), request.name())
        .map(
            user ->
                Response.created(URI.create("/api/v1/users/" + user.id))
                    .entity(UserView.of(user))
                    .build());
  }

  @GET
  @Path("/{id}")
  public Uni<UserView> get(@PathParam("id") UUID id) {
    return directory
        .user(caller.tenantId(), id)
        .onItem()
        .ifNull()
        .failWith(NotFoundException::new)
        .map(UserView::of);
  }
}
