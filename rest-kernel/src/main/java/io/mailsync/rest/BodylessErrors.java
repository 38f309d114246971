package io.mailsync.rest;

import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Gives a problem body to an error status an endpoint returned without one (e.g. {@code
 * RestResponse.status(404)}), so that no 4xx or 5xx leaves a REST endpoint without a {@link
 * Problem}.
 */
public class BodylessErrors {

  private static final MediaType PROBLEM = MediaType.valueOf(Problem.MEDIA_TYPE);

  @ServerResponseFilter
  public void addProblem(ContainerResponseContext response) {
    int status = response.getStatus();
    if (status >= 400 && !response.hasEntity()) {
      response.setEntity(Problem.of(status), null, PROBLEM);
    }
  }
}
