package io.mailsync.timeline.directory;

import io.mailsync.rest.InvalidRequestException;
import io.mailsync.rest.UniqueKey;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.util.List;
import java.util.UUID;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * The CRM directory of each tenant: companies, their contacts and the tenant's users. Every read
 * and write is scoped to one tenant, so a tenant never sees nor refers to another's records (they
 * read as absent). An address belongs to one contact and one user per tenant: the unique keys
 * decide, also between two requests that race for one, and a taken address is answered as a
 * conflict naming {@code email}.
 */
@ApplicationScoped
public class Directory {

  static final int MAX_COMPANIES_LISTED = 500;

  /** One contact per address and tenant (V1__directory.sql). */
  @Produces
  static final UniqueKey CONTACT_EMAIL_TAKEN =
      new UniqueKey(
          "contact_tenant_id_email_key", "email", "is already the address of another contact");

  /** One user per address and tenant (V1__directory.sql). */
  @Produces
  static final UniqueKey USER_EMAIL_TAKEN =
      new UniqueKey(
          "app_user_tenant_id_email_key", "email", "is already the address of another user");

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
   * the tenant's, and by {@link #CONTACT_EMAIL_TAKEN} when the address is taken; {@code email} is a
   * valid address.
   */
  public Uni<Contact> createContact(String tenantId, String email, String name, UUID companyId) {
    return Uni.createFrom()
        .item(() -> DirectoryRules.newContact(tenantId, email, name, companyId))
        .chain(
            contact ->
                sessions.withTransaction(
                    session ->
                        requireCompany(session, tenantId, companyId)
                            .chain(() -> session.persist(contact))
                            .replaceWith(contact)));
  }

  /** The tenant's contact, or null (also when the id is another tenant's). */
  public Uni<Contact> contact(String tenantId, UUID id) {
    return sessions.withSession(session -> ofTenant(session, Contact.class, tenantId, id));
  }

  /**
   * Adds a CRM user ({@code email} a valid address); refused by {@link #USER_EMAIL_TAKEN} when the
   * address is taken.
   */
  public Uni<AppUser> createUser(String tenantId, String email, String name) {
    return Uni.createFrom()
        .item(() -> DirectoryRules.newUser(tenantId, email, name))
        .chain(
            user -> sessions.withTransaction(session -> session.persist(user)).replaceWith(user));
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
