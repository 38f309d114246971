package io.mailsync.timeline.directory;

import io.mailsync.contracts.link.LinkTarget;
import io.mailsync.mail.validation.MailDomain;
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
import java.util.List;
import java.util.UUID;

/** REST edge of the tenant's companies and their timelines; the {@link Directory} decides. */
@Path("/api/v1/companies")
@Authenticated
public class CompanyResource {

  private final Caller caller;
  private final Directory directory;
  private final TimelineQuery timelines;

  public CompanyResource(Caller caller, Directory directory, TimelineQuery timelines) {
    this.caller = caller;
    this.directory = directory;
    this.timelines = timelines;
  }

  public record CompanyRequest(
      @NotBlank @Size(max = 200) String name,
      @NotNull @Size(max = 50) List<@NotBlank @MailDomain @NotFreeMailDomain String> emailDomains) {}

  public record CompanyView(UUID id, String name, List<String> emailDomains, Instant createdAt) {
    static CompanyView of(Company c) {
      return new CompanyView(c.id, c.name, List.of(c.emailDomains), c.createdAt);
    }
  }

  @POST
  public Uni<Response> create(@Valid @NotNull CompanyRequest request) {
    return directory
        .createCompany(caller.tenantId(), request.name(), request.emailDomains())
        .map(
            company ->
                Response.created(URI.create("/api/v1/companies/" + company.id))
                    .entity(CompanyView.of(company))
                    .build());
  }

  @GET
  public Uni<List<CompanyView>> list() {
    return directory
        .companies(caller.tenantId())
        .map(all -> all.stream().map(CompanyView::of).toList());
  }

  @GET
  @Path("/{id}")
  public Uni<CompanyView> get(@PathParam("id") UUID id) {
    return found(caller.tenantId(), id).map(CompanyView::of);
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
            () -> timelines.page(tenantId, LinkTarget.Type.COMPANY, id.toString(), cursor, limit));
  }

  /** The tenant's company, or 404 — also when it belongs to another tenant. */
  private Uni<Company> found(String tenantId, UUID id) {
    return directory.company(tenantId, id).onItem().ifNull().failWith(NotFoundException::new);
  }
}
