package io.mailsync.timeline.directory;

import io.mailsync.contracts.link.LinkTarget;
import io.mailsync.mail.validation.MailAddress;
import io.mailsync.rest.Caller;
import io.mailsync.timeline.entries.TimelinePage;
import io.mailsync.timeline.entries.TimelineQuery;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.UUID;

/** REST edge of the tenant's contacts and their timelines; the {@link Directory} decides. */
@Path("/api/v1/contacts")
@Authenticated
public class ContactResource {

  private final Caller caller;
  private final Directory directory;
  private final TimelineQuery timelines;

  public ContactResource(Caller caller, Directory directory, TimelineQuery timelines) {
    this.caller = caller;
    this.directory = directory;
    this.timelines = timelines;
  }

  public record ContactRequest(
      @NotBlank @Size(max = 320) @MailAddress String email,
      @Size(max = 200) String name,
      UUID companyId) {}

  public record ContactView(UUID id, String email, String name, UUID companyId, Instant createdAt) {
    static ContactView of(Contact c) {
      return new ContactView(c.id, c.email, c.name, c.companyId, c.createdAt);
    }
  }

  @POST
  public Uni<Response> create(@Valid @NotNull ContactRequest request) {
    return directory
        .createContact(caller.tenantId(), request.email(), request.name(), request.companyId())
        .map(
            contact ->
                Response.created(URI.create("/api/v1/contacts/" + contact.id))
                    .entity(ContactView.of(contact))
                    .build());
  }

  @GET
  @Path("/{id}")
  public Uni<ContactView> get(@PathParam("id") UUID id) {
    return found(caller.tenantId(), id).map(ContactView::of);
  }

  @GET
  @Path("/{id}/timeline")
  public Uni<TimelinePage> timeline(
      @PathParam("id") UUID id,
      @QueryParam("cursor") String cursor,
      @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(TimelineQuery.MAX_LIMIT) int limit) {
    String tenantId = caller.tenantId();
    return found(tenantId, id)
        .chain(
            () -> timelines.page(tenantId, LinkTarget.Type.CONTACT, id.toString(), cursor, limit));
  }

  /** The tenant's contact, or 404 — also when it belongs to another tenant. */
  private Uni<Contact> found(String tenantId, UUID id) {
    return directory.contact(tenantId, id).onItem().ifNull().failWith(NotFoundException::new);
  }
}
