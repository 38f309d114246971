package io.mailsync.timeline.directory;

import io.mailsync.contracts.directory.FreeMailDomains;
import io.mailsync.contracts.link.LinkTarget;
import io.mailsync.mail.address.EmailAddressSyntax;
import io.mailsync.rest.Caller;
import io.mailsync.rest.InvalidRequestException;
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
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

@Path("/api/v1/companies")
@Authenticated
public class CompanyResource {

  /** Free-mail providers: a company is never identified by one of these domains. */
  private static final FreeMailDomains FREE_MAIL = FreeMailDomains.standard();

  private final Caller caller;
  private final TimelineQuery timelines;

  public CompanyResource(Caller caller, TimelineQuery timelines) {
    this.caller = caller;
    this.timelines = timelines;
  }

  public record CompanyRequest(
      @NotBlank @Size(max = 200) String name, @NotNull @Size(max = 50) List<String> emailDomains) {}

  public record CompanyView(UUID id, String name, List<String> emailDomains, Instant createdAt) {
    static CompanyView of(Company c) {
      return new CompanyView(c.id, c.name, List.of(c.emailDomains), c.createdAt);
    }
  }

  @POST
  @WithTransaction
  public Uni<Response> create(@Valid @NotNull CompanyRequest request) {
    Company company = new Company();
    company.id = UUID.randomUUID();
    company.tenantId = caller.tenantId();
    company.name = request.name().strip();
    company.emailDomains = domains(request.emailDomains());
    company.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
    return company
        .persist()
        .map(
            saved ->
                Response.created(java.net.URI.create("/api/v1/companies/" + company.id))
                    .entity(CompanyView.of(company))
                    .build());
  }

  @GET
  @WithSession
  public Uni<List<CompanyView>> list() {
    return Company.<Company>find("tenantId = ?1 order by name", caller.tenantId())
        .range(0, 499)
        .list()
        .map(all -> all.stream().map(CompanyView::of).toList());
  }

  @GET
  @Path("/{id}")
  @WithSession
  public Uni<CompanyView> get(@PathParam("id") UUID id) {
    return find(caller.tenantId(), id).map(CompanyView::of);
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
            () -> timelines.page(tenantId, LinkTarget.Type.COMPANY, id.toString(), cursor, limit));
  }

  /** The tenant's company, or 404 — also when it belongs to another tenant. */
  static Uni<Company> find(String tenantId, UUID id) {
    return Company.<Company>find("id = ?1 and tenantId = ?2", id, tenantId)
        .firstResult()
        .onItem()
        .ifNull()
        .failWith(NotFoundException::new);
  }

  private static String[] domains(List<String> requested) {
    Set<String> domains = new LinkedHashSet<>();
    List<String> input = new ArrayList<>(requested);
    for (int i = 0; i < input.size(); i++) {
      String domain = EmailAddressSyntax.normalizeDomain(input.get(i)).orElse(null);
      String field = "emailDomains[" + i + "]";
      if (domain == null) {
        throw new InvalidRequestException(field, "is not a domain name: " + input.get(i));
      }
      if (FREE_MAIL.contains(domain)) {
        throw new InvalidRequestException(
            field, "is a free-mail domain (" + domain + ") and cannot identify a company");
      }
      domains.add(domain);
    }
    return domains.toArray(String[]::new);
  }
}
