package io.mailsync.fetcher.mailbox;

import io.mailsync.fetcher.mailbox.MailboxRequest.ServerSettings;
import io.mailsync.mail.address.EmailAddressSyntax;
import io.mailsync.mail.host.MailHostPolicy;
import io.mailsync.rest.FieldProblem;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Checks a registration request field by field, hosts included (shape, then where they point). */
@ApplicationScoped
public class MailboxRequestValidator {

  static final int MAX_FOLDERS = 100;
  static final int MAX_NAME = 1000;
  static final int MAX_PASSWORD = 1024;

  private final MailHostPolicy hosts;

  public MailboxRequestValidator(MailHostPolicy hosts) {
    this.hosts = hosts;
  }

  /** Every problem of the request, in field order; empty when it can be registered. */
  public List<FieldProblem> problems(MailboxRequest request) {
    List<FieldProblem> problems = new ArrayList<>();
    if (request == null) {
      problems.add(new FieldProblem("body", "is required: a JSON object describing the mailbox"));
      return problems;
    }
    String email = request.emailAddress();
    if (email == null || email.isBlank()) {
      problems.add(new FieldProblem("emailAddress", "is required"));
    } else if (EmailAddressSyntax.problem(email).isPresent()) {
      problems.add(
          new FieldProblem("emailAddress", "is not an email address like name@example.com"));
    }
    if (request.username() != null
        && (request.username().length() > MAX_NAME
            || request.username().chars().anyMatch(Character::isISOControl))) {
      problems.add(
          new FieldProblem(
              "username",
              "must be at most " + MAX_NAME + " characters, without control characters"));
    }
    if (request.password() == null || request.password().isEmpty()) {
      problems.add(new FieldProblem("password", "is required"));
    } else if (request.password().length() > MAX_PASSWORD) {
      problems.add(new FieldProblem("password", "must be at most " + MAX_PASSWORD + " characters"));
    }
    server("imap", request.imap(), problems);
    server("smtp", request.smtp(), problems);
    if (request.folders() != null) {
      if (request.folders().size() > MAX_FOLDERS) {
        problems.add(new FieldProblem("folders", "may list at most " + MAX_FOLDERS + " folders"));
      }
      Set<String> seen = new HashSet<>();
      for (int i = 0; i < request.folders().size(); i++) {
        String folder = request.folders().get(i);
        folderName("folders[" + i + "]", folder).ifPresent(problems::add);
        if (folder != null && !seen.add(folder)) {
          problems.add(new FieldProblem("folders[" + i + "]", "repeats folder " + folder));
        }
      }
    }
    if (request.sentFolder() != null) {
      folderName("sentFolder", request.sentFolder()).ifPresent(problems::add);
    }
    return problems;
  }

  private void server(String field, ServerSettings server, List<FieldProblem> problems) {
    if (server == null) {
      problems.add(
          new FieldProblem(field, "is required: {host, port, security, trustAnyCertificate}"));
      return;
    }
    hosts
        .hostProblem(server.host())
        .ifPresent(p -> problems.add(new FieldProblem(field + ".host", p)));
    if (server.port() == null) {
      problems.add(new FieldProblem(field + ".port", "is required"));
    } else {
      hosts
          .portProblem(server.port())
          .ifPresent(p -> problems.add(new FieldProblem(field + ".port", p)));
    }
    if (server.security() == null) {
      problems.add(new FieldProblem(field + ".security", "is required: NONE, STARTTLS or SSL"));
    }
  }

  private static Optional<FieldProblem> folderName(String field, String name) {
    if (name == null || name.isBlank()) {
      return Optional.of(new FieldProblem(field, "must not be blank"));
    }
    if (name.length() > MAX_NAME || name.chars().anyMatch(Character::isISOControl)) {
      return Optional.of(
          new FieldProblem(
              field, "must be at most " + MAX_NAME + " characters, without control characters"));
    }
    return Optional.empty();
  }
}
