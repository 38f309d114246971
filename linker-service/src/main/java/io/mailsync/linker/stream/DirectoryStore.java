package io.mailsync.linker.stream;

import io.mailsync.contracts.kafka.PoisonRecord;
import io.mailsync.linker.directory.AppUser;
import io.mailsync.linker.directory.Company;
import io.mailsync.linker.directory.Contact;
import io.mailsync.linker.directory.Directory;
import io.mailsync.linker.directory.DirectoryChange;
import io.mailsync.linker.directory.DirectoryEntry;
import io.mailsync.linker.directory.DirectoryEntry.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The directory as two state stores: the rows ({@code kind, tenant, id → row}) and a lookup index
 * ({@code kind, tenant, address or domain, id → id}). The index allows several ids per term, so
 * change events of different rows arriving out of order never make one row's index entry hide
 * another's.
 */
final class DirectoryStore implements Directory {

  static final String ENTRIES = "linker-directory";
  static final String INDEX = "linker-directory-index";

  private static final StringSerializer KEY_SERIALIZER = new StringSerializer();

  private final KeyValueStore<String, DirectoryEntry> entries;
  private final KeyValueStore<String, String> index;

  DirectoryStore(
      KeyValueStore<String, DirectoryEntry> entries, KeyValueStore<String, String> index) {
    this.entries = entries;
    this.index = index;
  }

  void apply(DirectoryChange change) {
    switch (change) {
      case DirectoryChange.Upsert(DirectoryEntry entry) -> {
        remove(entry.kind(), entry.tenantId(), entry.id());
        entries.put(StoreKeys.join(entry.kind().name(), entry.tenantId(), entry.id()), entry);
        for (String term : terms(entry)) {
          index.put(indexKey(entry.kind(), entry.tenantId(), term, entry.id()), entry.id());
        }
      }
      case DirectoryChange.Delete(Kind kind, String tenantId, String id) ->
          remove(kind, tenantId, id);
    }
  }

  /**
   * {@code change} if every value it puts into a key (tenant, id and lookup terms) can be a key
   * part; a NUL, which PostgreSQL text never holds and so only a forged event carries, would let
   * one key run into another (a domain {@code acme.com<NUL>x} would answer for {@code acme.com}).
   */
  static DirectoryChange storable(DirectoryChange change) {
    Stream<String> parts =
        switch (change) {
          case DirectoryChange.Upsert(DirectoryEntry entry) ->
              Stream.concat(Stream.of(entry.tenantId(), entry.id()), terms(entry).stream());
          case DirectoryChange.Delete(Kind kind, String tenantId, String id) ->
              Stream.of(tenantId, id);
        };
    if (!parts.allMatch(StoreKeys::isSafePart)) {
      throw new PoisonRecord(
          "directory change with a NUL character in its tenant_id, id, email or email_domains");
    }
    return change;
  }

  private void remove(Kind kind, String tenantId, String id) {
    DirectoryEntry previous = entries.delete(StoreKeys.join(kind.name(), tenantId, id));
    if (previous != null) {
      for (String term : terms(previous)) {
        index.delete(indexKey(kind, tenantId, term, id));
      }
    }
  }

  @Override
  public List<Contact> contactsByEmail(String tenantId, String email) {
    return lookup(Kind.CONTACT, tenantId, email, Contact.class);
  }

  @Override
  public List<Company> companiesByDomain(String tenantId, String domain) {
    return lookup(Kind.COMPANY, tenantId, domain, Company.class);
  }

  @Override
  public Optional<Company> company(String tenantId, String companyId) {
    if (!StoreKeys.isSafePart(tenantId) || !StoreKeys.isSafePart(companyId)) {
      return Optional.empty();
    }
    return entries.get(StoreKeys.join(Kind.COMPANY.name(), tenantId, companyId))
            instanceof Company company
        ? Optional.of(company)
        : Optional.empty();
  }

  @Override
  public boolean isUser(String tenantId, String email) {
    return !lookup(Kind.USER, tenantId, email, AppUser.class).isEmpty();
  }

  private <T extends DirectoryEntry> List<T> lookup(
      Kind kind, String tenantId, String term, Class<T> type) {
    List<T> found = new ArrayList<>();
    if (!StoreKeys.isSafePart(tenantId) || !StoreKeys.isSafePart(term)) {
      return found;
    }
    List<String> ids = new ArrayList<>();
    try (KeyValueIterator<String, String> hits =
        index.prefixScan(StoreKeys.prefix(kind.name(), tenantId, term), KEY_SERIALIZER)) {
      hits.forEachRemaining((KeyValue<String, String> hit) -> ids.add(hit.value));
    }
    for (String id : ids) {
      DirectoryEntry entry = entries.get(StoreKeys.join(kind.name(), tenantId, id));
      if (type.isInstance(entry)) {
        found.add(type.cast(entry));
      }
    }
    return found;
  }

  private static Set<String> terms(DirectoryEntry entry) {
    return switch (entry) {
      case Company company -> company.emailDomains();
      case Contact contact -> Set.of(contact.email());
      case AppUser user -> Set.of(user.email());
    };
  }

  private static String indexKey(Kind kind, String tenantId, String term, String id) {
    return StoreKeys.join(kind.name(), tenantId, term, id);
  }
}
