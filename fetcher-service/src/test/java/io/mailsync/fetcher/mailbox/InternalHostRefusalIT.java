package io.mailsync.fetcher.mailbox;

import static io.mailsync.fetcher.MailboxApi.get;
import static io.mailsync.fetcher.MailboxApi.post;
import static io.mailsync.fetcher.MailboxApi.request;
import static io.mailsync.fetcher.MailboxApi.server;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import io.mailsync.mail.host.MailHostPolicy;
import io.mailsync.testkit.auth.JwtResource;
import io.mailsync.testkit.auth.TestJwt;
import io.mailsync.testkit.kafka.KafkaResource;
import io.mailsync.testkit.postgres.PostgresResource;
import io.mailsync.testkit.quarkus.Problems;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * With private hosts refused, as in production, a registration naming an internal mail server is
 * answered 400 on that field in the host policy's words, and nothing is stored. Its own profile
 * restarts the application anyway; nothing here is announced, so it runs without cdc.
 */
@QuarkusTest
@TestProfile(InternalHostRefusalIT.PublicHostsOnly.class)
@WithTestResource(KafkaResource.class)
@WithTestResource(PostgresResource.class)
@WithTestResource(JwtResource.class)
class InternalHostRefusalIT {

  public static class PublicHostsOnly implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "mailsync.mail-servers.allow-private-hosts",
          "false",
          "mailsync.mail-servers.allowed-ports",
          "143,993,25,465,587,2525",
          // PostgresResource sets it at run time; a profile's build must agree or start fails.
          "quarkus.datasource.devservices.enabled",
          "false");
    }
  }

  private final String token = TestJwt.token("tenant-" + UUID.randomUUID(), "user-1");
  private final MailHostPolicy policy =
      new MailHostPolicy(false, List.of("143", "993", "25", "465", "587", "2525"));

  /** A public address literal: checked without a DNS lookup, and never connected to here. */
  private static final String PUBLIC = "93.184.216.34";

  @Test
  void internalHostsAndPortsOffTheAllowListAreRefusedBeforeAnythingIsStored() {
    Map<String, Object> loopback = publicRequest();
    loopback.put("imap", server("127.0.0.1", 993, "SSL"));
    refused(loopback, "imap.host", policy.hostProblem("127.0.0.1").orElseThrow());

    Map<String, Object> privateNetwork = publicRequest();
    privateNetwork.put("smtp", server("10.1.2.3", 587, "STARTTLS"));
    refused(privateNetwork, "smtp.host", policy.hostProblem("10.1.2.3").orElseThrow());

    Map<String, Object> localName = publicRequest();
    localName.put("imap", server("localhost", 993, "SSL"));
    refused(localName, "imap.host", policy.hostProblem("localhost").orElseThrow());

    Map<String, Object> highPort = publicRequest();
    highPort.put("imap", server(PUBLIC, 10143, "NONE"));
    refused(highPort, "imap.port", policy.portProblem(10143).orElseThrow());

    get("/api/v1/mailboxes", token).statusCode(200).body("id", empty());
  }

  private static Map<String, Object> publicRequest() {
    Map<String, Object> request = request("erin@crm.test");
    request.put("imap", server(PUBLIC, 993, "SSL"));
    request.put("smtp", server(PUBLIC, 587, "STARTTLS"));
    return request;
  }

  private void refused(Map<String, Object> body, String field, String problem) {
    post(token, body).spec(Problems.invalid(field)).body("detail", equalTo(field + " " + problem));
  }
}
