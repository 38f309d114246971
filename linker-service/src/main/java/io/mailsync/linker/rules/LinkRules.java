package io.mailsync.linker.rules;

import io.mailsync.contracts.link.Link;
import io.mailsync.contracts.link.LinkRule;
import io.mailsync.contracts.link.LinkTarget;
import io.mailsync.contracts.link.MessageUnmatched;
import io.mailsync.contracts.message.MessageFetched;
import io.mailsync.contracts.message.Participant;
import io.mailsync.linker.directory.Company;
import io.mailsync.linker.directory.Contact;
import io.mailsync.linker.directory.Directory;
import io.mailsync.linker.directory.DirectoryEntry;
import io.mailsync.mail.address.EmailAddressSyntax;
import io.mailsync.mail.address.FreeMailDomains;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Decides which CRM records a message belongs to, within the message's tenant and as the directory
 * stood when the message was received:
 *
 * <ul>
 *   <li>a participant address that is a contact's address links the contact, and the contact's
 *       company;
 *   <li>a participant domain among a company's email domains links the company, unless it is a
 *       free-mail domain;
 *   <li>the tenant's own users' addresses are colleagues and match nothing;
 *   <li>rows created after the message was received match nothing (no retroactive links).
 * </ul>
 *
 * Each target is linked once; a company reached both through a contact and by domain is linked by
 * {@link LinkRule#COMPANY_DOMAIN}.
 */
public final class LinkRules {

  private final FreeMailDomains freeMail;

  public LinkRules(FreeMailDomains freeMail) {
    this.freeMail = Objects.requireNonNull(freeMail, "freeMail");
  }

  public LinkDecision decide(MessageFetched message, Directory directory) {
    String tenant = message.tenantId();
    Instant asOf = asOf(message);

    Set<String> addresses = addresses(message.participants());
    List<String> customerAddresses = new ArrayList<>();
    int colleagues = 0;
    for (String address : addresses) {
      if (directory.isUser(tenant, address)) {
        colleagues++;
      } else {
        customerAddresses.add(address);
      }
    }

    Map<String, Contact> contacts = new LinkedHashMap<>();
    Map<String, LinkRule> companies = new LinkedHashMap<>();
    for (String address : customerAddresses) {
      for (Contact contact : directory.contactsByEmail(tenant, address)) {
        if (existed(contact, tenant, asOf) && contacts.putIfAbsent(contact.id(), contact) == null) {
          if (contact.companyId() != null) {
            directory
                .company(tenant, contact.companyId())
                .filter(company -> existed(company, tenant, asOf))
                .ifPresent(
                    company -> companies.putIfAbsent(company.id(), LinkRule.CONTACT_ADDRESS));
          }
        }
      }
      String domain = domainOf(address);
      if (domain != null && !freeMail.contains(domain)) {
        for (Company company : directory.companiesByDomain(tenant, domain)) {
          if (existed(company, tenant, asOf)) {
            // Insertion order is kept when an earlier contact link is upgraded.
            companies.put(company.id(), LinkRule.COMPANY_DOMAIN);
          }
        }
      }
    }

    if (contacts.isEmpty() && companies.isEmpty()) {
      return new LinkDecision.Unmatched(
          MessageUnmatched.Reason.NO_PARTICIPANT_MATCHED,
          unmatchedDetail(customerAddresses.size(), colleagues));
    }
    List<Link> links = new ArrayList<>();
    contacts
        .keySet()
        .forEach(
            id ->
                links.add(
                    new Link(
                        new LinkTarget(LinkTarget.Type.CONTACT, id), LinkRule.CONTACT_ADDRESS)));
    companies.forEach(
        (id, rule) -> links.add(new Link(new LinkTarget(LinkTarget.Type.COMPANY, id), rule)));
    return new LinkDecision.Linked(links);
  }

  /** When the message was received: the server's date, else the Date header, else when fetched. */
  public static Instant asOf(MessageFetched message) {
    if (message.receivedAt() != null) {
      return message.receivedAt();
    }
    if (message.sentAt() != null) {
      return message.sentAt();
    }
    return message.occurredAt();
  }

  /**
   * Mail times (INTERNALDATE, Date) have whole seconds, so a record created later within the second
   * the mail arrived counts as existing: compared at the mail's resolution.
   */
  private static boolean existed(DirectoryEntry entry, String tenant, Instant asOf) {
    return tenant.equals(entry.tenantId())
        && asOf != null
        && !entry.createdAt().truncatedTo(ChronoUnit.SECONDS).isAfter(asOf);
  }

  /** Distinct, lower-cased participant addresses in the order they appear. */
  private static Set<String> addresses(List<Participant> participants) {
    Set<String> addresses = new LinkedHashSet<>();
    if (participants == null) {
      return addresses;
    }
    for (Participant participant : participants) {
      if (participant == null || participant.address() == null) {
        continue;
      }
      String address = EmailAddressSyntax.matchKey(participant.address());
      if (!address.isEmpty()) {
        addresses.add(address);
      }
    }
    return addresses;
  }

  private static String domainOf(String address) {
    return EmailAddressSyntax.domainOf(address).orElse(null);
  }

  private static String unmatchedDetail(int checked, int colleagues) {
    StringBuilder detail =
        new StringBuilder("no contact or company domain matched ")
            .append(checked)
            .append(checked == 1 ? " participant address" : " participant addresses");
    if (colleagues > 0) {
      detail
          .append(" (")
          .append(colleagues)
          .append(colleagues == 1 ? " colleague address" : " colleague addresses")
          .append(" ignored)");
    }
    return detail.toString();
  }
}
