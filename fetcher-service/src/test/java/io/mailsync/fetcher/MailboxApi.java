package io.mailsync.fetcher;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.HashMap;
import java.util.Map;

/** The mailbox REST API as tests call it. */
public final class MailboxApi {

  public static final String PASSWORD = "s3cret-Pa55word!";

  /** Registers a mailbox and returns its id. */
  public static String register(String token, Map<String, Object> request) {
    return post(token, request).statusCode(201).extract().path("id");
  }

  /** Posts a registration body (a map, or JSON text) as it is; a failed check logs the answer. */
  public static ValidatableResponse post(String token, Object body) {
    return given()
        .auth()
        .oauth2(token)
        .contentType(ContentType.JSON)
        .body(body)
        .when()
        .post("/api/v1/mailboxes")
        .then()
        .log()
        .ifValidationFails();
  }

  public static ValidatableResponse get(String path, String token) {
    return given().auth().oauth2(token).when().get(path).then();
  }

  /** A complete registration body, as a mutable map so tests can break it. */
  public static Map<String, Object> request(String email) {
    Map<String, Object> request = new HashMap<>();
    request.put("emailAddress", email);
    request.put("password", PASSWORD);
    request.put("imap", server("127.0.0.1", 993, "SSL"));
    request.put("smtp", server("127.0.0.1", 587, "STARTTLS"));
    return request;
  }

  public static Map<String, Object> server(String host, int port, String security) {
    Map<String, Object> server = new HashMap<>();
    server.put("host", host);
    server.put("port", port);
    server.put("security", security);
    return server;
  }

  private MailboxApi() {}
}
