package io.mailsync.timeline.directory;

import io.mailsync.contracts.link.LinkTarget;
import io.mailsync.mail.address.EmailAddressSyntax;
import io.mailsync.rest.Caller;
import io.mailsync.rest.ConflictException;
import io.mailsync.rest.InvalidRequestException;
import io.mailsync.rest.UniqueViolation;
import io.mailsync.timeline.entries.TimelinePage;
import io.mailsync.timeline.entries.TimelineQuery;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
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
import java.time.temporal.ChronoUnit;
import java.util.UUID;

@Path("/api/v1/contacts")
@Authenticated
public class ContactResource {

  static final String EMAIL_TAKEN = "is already the address of another contact";

  private final Caller caller;
  private final TimelineQuery timelines;

  public ContactResource(Caller caller, TimelineQuery timelines) {
    this.caller = caller;
    this.timelines = timelines;
  }

  public record ContactRequest(
      @NotBlank @Size(max = 320) String email, @Size(max = 200) String name, UUID companyId) {}

  public record ContactView(UUID id, String email, String name, UUID companyId, Instant createdAt) {
    static ContactView of(Contact c) {
      return new ContactView(c.id, c.email, c.name, c.companyId, c.createdAt);
    }
  }

  @POST
  @WithTransaction
  public Uni<Response> create(@Valid @NotNull ContactRequest request) {
    String tenantId = caller.tenantId();
    String email = EmailAddressSyntax.normalize(request.email()).orElse(null);
    if (email == null) {
      throw new InvalidRequestException("email", "is not an email address: " + request.email());
    }
    Uni<Void> companyExists =
        request.companyId() == null
            ? Uni.createFrom().voidItem()
            : CompanyResource.find(tenantId, request.companyId())
                .onFailure(NotFoundException.class)
                .transform(e -> new InvalidRequestException("companyId", "names no company"))
                .replaceWithVoid();
    return companyExists
        .chain(() -> Contact.count("tenantId = ?1 and email = ?2", tenantId, email))
        .chain(
            taken -> {
              if (taken > 0) {
                throw new ConflictException("email", EMAIL_TAKEN);
              }
              Contact contact = new Contact();
              contact.id = UUID.randomUUID();
              contact.tenantId = tenantId;
              contact.email = email;
              contact.name = request.name() == null ? null : request.name().strip();
              contact.companyId = request.companyId();
              contact.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
              // A concurrent request may insert the same address between count and insert.
              return contact
                  .<Contact>persistAndFlush()
                  .onFailure(UniqueViolation::in)
                  .transform(e -> new ConflictException("email", EMAIL_TAKEN, e));
            })
        .map(
            contact ->
                Response.created(URI.create("/api/v1/contacts/" + contact.id))
                    .entity(ContactView.of(contact))
                    .build());
  }

  @GET
  @Path("/{id}")
  @WithSession
  public Uni<ContactView> get(@PathParam("id") UUID id) {
    return find(caller.tenantId(), id).map(ContactView::of);
  }

  @GET
  @Path("/{id}/timeline")
  @WithSession
  public Uni<TimelinePage> timeline(
      @PathParam("id") UUID id,
      @QueryParam("cursor") String cursor,
      @QueryParam("limit") @DefaultValue("50") int limit) {
    String tenantId = caller.tenantId();
    return find(tenantId, id)
        .chain(
            () -> timelines.page(tenantId, LinkTarget.Type.CONTACT, id.toString(), cursor, limit));
  }

  static Uni<Contact> find(String tenantId, UUID id) {
    return Contact.<Contact>find("id = ?1 and tenantId = ?2", id, tenantId)
        .firstResult()
        .onItem()
        .ifNull()
        .failWith(NotFoundException::new);
  }
}
