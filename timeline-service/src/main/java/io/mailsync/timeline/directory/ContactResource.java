package io.mailsync.timeline.directory;

import io.mailsync.contracts.link.LinkTarget;
import io.mailsync.timeline.api.ConflictException;
import io.mailsync.timeline.api.InvalidInputException;
import io.mailsync.timeline.auth.CurrentUser;
import io.mailsync.timeline.entries.TimelinePage;
import io.mailsync.timeline.entries.TimelineQuery;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
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

  @Inject CurrentUser user;
  @Inject TimelineQuery timelines;

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
    String tenantId = user.tenantId();
    String email = EmailAddresses.normalizeAddress(request.email());
    if (email == null) {
      throw new InvalidInputException("email", "email is not an email address: " + request.email());
    }
    Uni<Void> companyExists =
        request.companyId() == null
            ? Uni.createFrom().voidItem()
            : CompanyResource.find(tenantId, request.companyId())
                .onFailure(NotFoundException.class)
                .transform(
                    e -> new InvalidInputException("companyId", "companyId names no company"))
                .replaceWithVoid();
    return companyExists
        .chain(() -> Contact.count("tenantId = ?1 and email = ?2", tenantId, email))
        .chain(
            taken -> {
              if (taken > 0) {
                throw new ConflictException("email", "a contact with email " + email + " exists");
              }
              Contact contact = new Contact();
              contact.id = UUID.randomUUID();
              contact.tenantId = tenantId;
              contact.email = email;
              contact.name = request.name() == null ? null : request.name().strip();
              contact.companyId = request.companyId();
              contact.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
              return contact.<Contact>persist();
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
    return find(user.tenantId(), id).map(ContactView::of);
  }

  @GET
  @Path("/{id}/timeline")
  @WithSession
  public Uni<TimelinePage> timeline(
      @PathParam("id") UUID id,
      @QueryParam("cursor") String cursor,
      @QueryParam("limit") @DefaultValue("50") int limit) {
    String tenantId = user.tenantId();
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
