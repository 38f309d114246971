package io.mailsync.e2e.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mailsync.testkit.mail.MailAccount;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** A tenant user's REST calls to the services of a running stack. */
public final class StackClient {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String token;

  public StackClient(String token) {
    this.token = token;
  }

  /** POSTs JSON and returns the answer's body; fails unless the status is 2xx. */
  public JsonNode post(String url, Object body) throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(url))
            .timeout(Duration.ofSeconds(30))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
            .build();
    return send(request);
  }

  public JsonNode get(String url) throws IOException, InterruptedException {
    return send(
        HttpRequest.newBuilder(URI.create(url))
            .timeout(Duration.ofSeconds(30))
            .header("Authorization", "Bearer " + token)
            .GET()
            .build());
  }

  /**
   * Registers an account of a test mail server (plain IMAP and SMTP on loopback) with the fetcher.
   */
  public JsonNode registerMailbox(String fetcherUrl, MailAccount account)
      throws IOException, InterruptedException {
    Map<String, Object> imap =
        Map.of(
            "host",
            account.host(),
            "port",
            account.imapPort(),
            "security",
            "NONE",
            "trustAnyCertificate",
            false);
    Map<String, Object> smtp =
        Map.of(
            "host",
            account.host(),
            "port",
            account.smtpPort(),
            "security",
            "NONE",
            "trustAnyCertificate",
            false);
    return post(
        fetcherUrl + "/api/v1/mailboxes",
        Map.of(
            "emailAddress", account.email(),
            "username", account.login(),
            "password", account.password(),
            "imap", imap,
            "smtp", smtp));
  }

  private JsonNode send(HttpRequest request) throws IOException, InterruptedException {
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() / 100 != 2) {
      throw new IllegalStateException(
          request.method()
              + " "
              + request.uri()
              + " answered "
              + response.statusCode()
              + ": "
              + response.body());
    }
    return response.body().isBlank() ? JSON.nullNode() : JSON.readTree(response.body());
  }
}
