package io.mailsync.timeline.directory;

import io.mailsync.rest.ConflictException;
import io.mailsync.rest.InvalidRequestException;
import io.mailsync.rest.UniqueViolation;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * The CRM directory of each tenant: companies, their contacts and the tenant's users. Every read
 * and write is scoped to one tenant, so a tenant never sees nor refers to another's records (they
 * read as absent). An address belongs to one contact and one user per tenant; the unique keys have
 * the last word when two requests race for one.
 */
@ApplicationScoped
public class Directory {

  static final int MAX_COMPANIES_LISTED = 500;
  static final String CONTACT_EMAIL_TAKEN = "is already the address of another contact";
  static final String USER_EMAIL_TAKEN = "is already the address of another user";

  private final Mutiny.SessionFactory sessions;

  public Directory(Mutiny.SessionFactory sessions) {
    this.sessions = sessions;
  }

  public Uni<Company> createCompany(String tenantId, String name, List<String> emailDomains) {
    return Uni.createFrom()
        .item(() -> DirectoryRules.newCompany(tenantId, name, emailDomains))
        .chain(
            company ->
                sessions.withTransaction(session -> session.persist(company)).replaceWith(company));
  }

  /** The tenant's companies by name, at most {@value #MAX_COMPANIES_LISTED}. */
  public Uni<List<Company>> companies(String tenantId) {
    return sessions.withSession(
        session ->
            session
                .createSelectionQuery(
                    "from Company where tenantId = :tenant order by name", Company.class)
                .setParameter("tenant", tenantId)
                .setMaxResults(MAX_COMPANIES_LISTED)
                .getResultList());
  }

  /** The tenant's company, or null (also when the id is another tenant's). */
  public Uni<Company> company(String tenantId, UUID id) {
    return sessions.withSession(session -> ofTenant(session, Company.class, tenantId, id));
  }

  /**
   * Adds a contact, optionally at one of the tenant's companies. Refused when the company is not
   * the tenant's, and (as a conflict) when the address is taken; {@code email} is a valid address.
   */
  public Uni<Contact> createContact(String tenantId, String email, String name, UUID companyId) {
    return Uni.createFrom()
        .item(() -> DirectoryRules.newContact(tenantId, email, name, companyId))
        .chain(
            contact ->
                insertUnlessTaken(
                    contact,
                    tenantId,
                    contact.email,
                    CONTACT_EMAIL_TAKEN,
                    session -> requireCompany(session, tenantId, companyId)));
  }

  /** The tenant's contact, or null (also when the id is another tenant's). */
  public Uni<Contact> contact(String tenantId, UUID id) {
    return sessions.withSession(session -> ofTenant(session, Contact.class, tenantId, id));
  }

  /** Adds a CRM user ({@code email} a valid address); refused as a conflict when it is taken. */
  public Uni<AppUser> createUser(String tenantId, String email, String name) {
    return Uni.createFrom()
        .item(() -> DirectoryRules.newUser(tenantId, email, name))
        .chain(
            user ->
                insertUnlessTaken(
                    user,
                    tenantId,
                    user.email,
                    USER_EMAIL_TAKEN,
                    session -> Uni.createFrom().voidItem()));
  }

  /** The tenant's user, or null (also when the id is another tenant's). */
  public Uni<AppUser> user(String tenantId, UUID id) {
    return sessions.withSession(session -> ofTenant(session, AppUser.class, tenantId, id));
  }

  private static Uni<Void> requireCompany(Mutiny.Session session, String tenantId, UUID id) {
    if (id == null) {
      return Uni.createFrom().voidItem();
    }
    return ofTenant(session, Company.class, tenantId, id)
        .onItem()
        .ifNull()
        .failWith(() -> new InvalidRequestException("companyId", "names no company"))
        .replaceWithVoid();
  }

  /**
   * Inserts a contact or user, once {@code precondition} holds, unless its tenant has one with that
   * address already. A concurrent request may insert the same address between the check and the
   * insert: the insert then fails on the unique key, which is answered as the same conflict.
   */
  private <T> Uni<T> insertUnlessTaken(
      T entity,
      String tenantId,
      String email,
      String takenDetail,
      Function<Mutiny.Session, Uni<Void>> precondition) {
    String countTaken =
        "select count(*) from "
            + entity.getClass().getSimpleName()
            + " where tenantId = :tenant and email = :email";
    return sessions
        .withTransaction(
            session ->
                precondition
                    .apply(session)
                    .chain(
                        () ->
                            session
                                .createSelectionQuery(countTaken, Long.class)
                                .setParameter("tenant", tenantId)
                                .setParameter("email", email)
                                .getSingleResult())
                    .chain(
                        taken ->
                            taken > 0
                                ? Uni.createFrom()
                                    .<T>failure(new ConflictException("email", takenDetail))
                                : session
                                    .persist(entity)
                                    .chain(session::flush)
                                    .replaceWith(entity)))
        .onFailure(UniqueViolation::in)
        .transform(e -> new ConflictException("email", takenDetail, e));
  }

  private static <T> Uni<T> ofTenant(
      Mutiny.Session session, Class<T> type, String tenantId, UUID id) {
    return session
        .createSelectionQuery(
            "from " + type.getSimpleName() + " where id = :id and tenantId = :tenant", type)
        .setParameter("id", id)
        .setParameter("tenant", tenantId)
        .getSingleResultOrNull();
  }
}
