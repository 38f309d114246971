package io.mailsync.fetcher.mailbox;

import io.mailsync.contracts.mailbox.MailboxConfigured;
import io.mailsync.rest.Caller;
import io.quarkus.security.Authenticated;
import io.smallrye.common.annotation.Blocking;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * The caller's own mailbox accounts. A colleague's or another tenant's mailbox answers 404, like an
 * unknown one; an id that is not a UUID answers 400 naming {@code id}, like every parameter that is
 * not a value of its type (rest-kernel's {@code ParameterConverters}).
 */
@Path("/api/v1/mailboxes")
@Authenticated
@Blocking
@Produces(MediaType.APPLICATION_JSON)
public class MailboxResource {

  private final MailboxAccounts accounts;
  private final Caller caller;

  public MailboxResource(MailboxAccounts accounts, Caller caller) {
    this.accounts = accounts;
    this.caller = caller;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public RestResponse<MailboxView> register(@Valid @NotNull MailboxRequest request) {
    MailboxView view = accounts.register(caller.tenantId(), caller.userId(), request);
    return RestResponse.ResponseBuilder.<MailboxView>created(
            URI.create("/api/v1/mailboxes/" + view.id()))
        .entity(view)
        .build();
  }

  @GET
  public List<MailboxView> list() {
    return accounts.list(caller.tenantId(), caller.userId());
  }

  @GET
  @Path("/{id}")
  public MailboxView get(@PathParam("id") UUID id) {
    return accounts
        .find(caller.tenantId(), caller.userId(), id)
        .orElseThrow(NotFoundException::new);
  }

  /** Stops syncing the mailbox; its checkpoints stay, so resuming goes on where it stopped. */
  @POST
  @Path("/{id}/pause")
  public MailboxView pause(@PathParam("id") UUID id) {
    return accounts
        .changeState(caller.tenantId(), caller.userId(), id, MailboxConfigured.State.PAUSED)
        .orElseThrow(NotFoundException::new);
  }

  /** Syncs the mailbox again from where it stopped. */
  @POST
  @Path("/{id}/resume")
  public MailboxView resume(@PathParam("id") UUID id) {
    return accounts
        .changeState(caller.tenantId(), caller.userId(), id, MailboxConfigured.State.ACTIVE)
        .orElseThrow(NotFoundException::new);
  }

  /**
   * Tries the mailbox again at the next poll: after a refused login ({@code AUTH_FAILED}), which is
   * never retried by itself, or to skip what is left of a backoff.
   */
  @POST
  @Path("/{id}/retry")
  public MailboxView retry(@PathParam("id") UUID id) {
    return accounts
        .retry(caller.tenantId(), caller.userId(), id)
        .orElseThrow(NotFoundException::new);
  }
}
