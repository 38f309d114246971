package io.mailsync.testkit.quarkus;

import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.restassured.builder.ResponseSpecBuilder;
import io.restassured.specification.ResponseSpecification;

/**
 * What every error answer of a Mailsync REST endpoint is: RFC 9457 problem details. Use it as
 * {@code .then().spec(Problems.problem(400)).body("field", equalTo("limit"))}.
 */
public final class Problems {

  public static final String MEDIA_TYPE = "application/problem+json";
  public static final String INVALID_REQUEST = "urn:mailsync:problem:invalid-request";
  public static final String CONFLICT = "urn:mailsync:problem:conflict";

  /** A problem+json answer with this status, a type, a title and a detail. */
  public static ResponseSpecification problem(int status) {
    return new ResponseSpecBuilder()
        .expectStatusCode(status)
        .expectHeader("Content-Type", startsWith(MEDIA_TYPE))
        .expectBody("status", equalTo(status))
        .expectBody("type", not(emptyOrNullString()))
        .expectBody("title", not(emptyOrNullString()))
        .expectBody("detail", not(emptyOrNullString()))
        .build();
  }

  /** 400 naming {@code field} first, in {@code field} and in {@code problems}. */
  public static ResponseSpecification invalid(String field) {
    return new ResponseSpecBuilder()
        .addResponseSpecification(problem(400))
        .expectBody("type", equalTo(INVALID_REQUEST))
        .expectBody("field", equalTo(field))
        .expectBody("problems[0].field", equalTo(field))
        .expectBody("problems[0].detail", not(emptyOrNullString()))
        .build();
  }

  /** 409 naming {@code field}. */
  public static ResponseSpecification conflict(String field) {
    return new ResponseSpecBuilder()
        .addResponseSpecification(problem(409))
        .expectBody("type", equalTo(CONFLICT))
        .expectBody("field", equalTo(field))
        .build();
  }

  private Problems() {}
}
