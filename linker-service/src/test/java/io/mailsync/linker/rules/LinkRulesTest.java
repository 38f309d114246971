package io.mailsync.linker.rules;

import static io.mailsync.linker.Fixtures.message;
import static org.assertj.core.api.Assertions.assertThat;

import io.mailsync.contracts.link.Link;
import io.mailsync.contracts.link.LinkRule;
import io.mailsync.contracts.link.LinkTarget;
import io.mailsync.contracts.link.MessageUnmatched;
import io.mailsync.contracts.message.MessageFetched;
import io.mailsync.linker.directory.AppUser;
import io.mailsync.linker.directory.Company;
import io.mailsync.linker.directory.Contact;
import io.mailsync.mail.address.FreeMailDomains;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LinkRulesTest {

  private static final String TENANT = "tenant-a";
  private static final String OTHER_TENANT = "tenant-b";
  private static final Instant RECEIVED = Instant.parse("2026-11-23T10:00:00Z");
  private static final Instant BEFORE = RECEIVED.minusSeconds(3600);

  private final LinkRules rules = new LinkRules(FreeMailDomains.standard());
  private final Company acme = new Company("acme", TENANT, "Acme", Set.of("acme.com"), BEFORE);
  private final Contact bob = new Contact("bob", TENANT, "acme", "bob@acme.com", "Bob", BEFORE);
  private final InMemoryDirectory directory = new InMemoryDirectory().add(acme, bob);

  @Test
  void contactAddressLinksTheContactAndItsCompany() {
    LinkDecision decision =
        rules.decide(message(TENANT, RECEIVED, "bob@acme.com", "me@ourco.com"), directory);

    assertThat(links(decision))
        .containsExactly(
            link(LinkTarget.Type.CONTACT, "bob", LinkRule.CONTACT_ADDRESS),
            link(LinkTarget.Type.COMPANY, "acme", LinkRule.COMPANY_DOMAIN));
  }

  @Test
  void companyOfAContactOutsideItsDomainsIsLinkedThroughTheContact() {
    directory.add(new Contact("jane", TENANT, "acme", "jane.private@gmail.com", "Jane", BEFORE));

    LinkDecision decision =
        rules.decide(message(TENANT, RECEIVED, "jane.private@gmail.com"), directory);

    assertThat(links(decision))
        .containsExactly(
            link(LinkTarget.Type.CONTACT, "jane", LinkRule.CONTACT_ADDRESS),
            link(LinkTarget.Type.COMPANY, "acme", LinkRule.CONTACT_ADDRESS));
  }

  @Test
  void unknownAddressAtACompanyDomainLinksTheCompany() {
    LinkDecision decision =
        rules.decide(message(TENANT, RECEIVED, "new.buyer@acme.com"), directory);

    assertThat(links(decision))
        .containsExactly(link(LinkTarget.Type.COMPANY, "acme", LinkRule.COMPANY_DOMAIN));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "gmail.com",
        "googlemail.com",
        "yahoo.com",
        "yahoo.co.uk",
        "hotmail.fr",
        "outlook.com",
        "live.com",
        "aol.com",
        "icloud.com",
        "me.com",
        "gmx.de",
        "gmx.net",
        "web.de",
        "proton.me",
        "protonmail.com",
        "yandex.ru",
        "mail.ru"
      })
  void freeMailDomainNeverLinksACompany(String freeMailDomain) {
    // Even a company that (wrongly) lists the free-mail domain is not linked by it.
    directory.add(new Company("careless", TENANT, "Careless", Set.of(freeMailDomain), BEFORE));

    LinkDecision decision =
        rules.decide(message(TENANT, RECEIVED, "someone@" + freeMailDomain), directory);

    assertThat(decision).isInstanceOf(LinkDecision.Unmatched.class);
  }

  @Test
  void operatorCanAddFreeMailDomains() {
    directory.add(new Company("isp", TENANT, "Local ISP", Set.of("local-isp.example"), BEFORE));
    LinkRules strict =
        new LinkRules(FreeMailDomains.withAdditional(Set.of(" @Local-ISP.example ")));

    assertThat(strict.decide(message(TENANT, RECEIVED, "x@local-isp.example"), directory))
        .isInstanceOf(LinkDecision.Unmatched.class);
    assertThat(rules.decide(message(TENANT, RECEIVED, "x@local-isp.example"), directory))
        .isInstanceOf(LinkDecision.Linked.class);
  }

  @Test
  void colleaguesAddressesMatchNothing() {
    // A colleague who is also filed as a contact of the tenant's own company.
    directory.add(
        new AppUser("u1", TENANT, "alice@ourco.com", "Alice", BEFORE),
        new Company("ourco", TENANT, "OurCo", Set.of("ourco.com"), BEFORE),
        new Contact("alice-contact", TENANT, "ourco", "alice@ourco.com", "Alice", BEFORE));

    LinkDecision decision =
        rules.decide(message(TENANT, RECEIVED, "alice@ourco.com", "new.buyer@acme.com"), directory);

    assertThat(links(decision))
        .containsExactly(link(LinkTarget.Type.COMPANY, "acme", LinkRule.COMPANY_DOMAIN));
  }

  @Test
  void mailAmongColleaguesOnlyIsUnmatchedAndSaysWhatWasChecked() {
    directory.add(
        new AppUser("u1", TENANT, "alice@ourco.com", "Alice", BEFORE),
        new AppUser("u2", TENANT, "carl@ourco.com", "Carl", BEFORE));

    LinkDecision decision =
        rules.decide(
            message(TENANT, RECEIVED, "alice@ourco.com", "carl@ourco.com", "x@unknown.example"),
            directory);

    assertThat(decision)
        .isEqualTo(
            new LinkDecision.Unmatched(
                MessageUnmatched.Reason.NO_PARTICIPANT_MATCHED,
                "no contact or company domain matched 1 participant address"
                    + " (2 colleague addresses ignored)"));
  }

  @Test
  void anotherTenantsDirectoryNeverMatches() {
    InMemoryDirectory otherTenantOnly =
        new InMemoryDirectory()
            .add(
                new Company("globex", OTHER_TENANT, "Globex", Set.of("globex.com"), BEFORE),
                new Contact("gina", OTHER_TENANT, "globex", "gina@globex.com", "Gina", BEFORE),
                new AppUser("u9", OTHER_TENANT, "x@unknown.example", "X", BEFORE));

    LinkDecision decision =
        rules.decide(
            message(TENANT, RECEIVED, "gina@globex.com", "x@unknown.example"), otherTenantOnly);

    assertThat(decision)
        .isEqualTo(
            new LinkDecision.Unmatched(
                MessageUnmatched.Reason.NO_PARTICIPANT_MATCHED,
                "no contact or company domain matched 2 participant addresses"));
  }

  @Test
  void rowsCreatedAfterReceiptDoNotMatch() {
    Instant later = RECEIVED.plusSeconds(1);
    InMemoryDirectory newer =
        new InMemoryDirectory()
            .add(
                new Company("acme", TENANT, "Acme", Set.of("acme.com"), later),
                new Contact("bob", TENANT, "acme", "bob@acme.com", "Bob", later));

    assertThat(rules.decide(message(TENANT, RECEIVED, "bob@acme.com"), newer))
        .isInstanceOf(LinkDecision.Unmatched.class);
  }

  @Test
  void rowCreatedAtTheMomentOfReceiptMatches() {
    InMemoryDirectory exact =
        new InMemoryDirectory()
            .add(new Contact("bob", TENANT, null, "bob@acme.com", "Bob", RECEIVED));

    assertThat(links(rules.decide(message(TENANT, RECEIVED, "bob@acme.com"), exact)))
        .containsExactly(link(LinkTarget.Type.CONTACT, "bob", LinkRule.CONTACT_ADDRESS));
  }

  @Test
  void rowCreatedLaterWithinTheSecondOfReceiptMatchesSinceMailTimesHaveWholeSeconds() {
    InMemoryDirectory sameSecond =
        new InMemoryDirectory()
            .add(new Contact("bob", TENANT, null, "bob@acme.com", "Bob", RECEIVED.plusMillis(393)));
    InMemoryDirectory nextSecond =
        new InMemoryDirectory()
            .add(
                new Contact("bob", TENANT, null, "bob@acme.com", "Bob", RECEIVED.plusMillis(1001)));

    assertThat(links(rules.decide(message(TENANT, RECEIVED, "bob@acme.com"), sameSecond)))
        .extracting(l -> l.target().id())
        .containsExactly("bob");
    assertThat(rules.decide(message(TENANT, RECEIVED, "bob@acme.com"), nextSecond))
        .isInstanceOf(LinkDecision.Unmatched.class);
  }

  @Test
  void companyCreatedAfterReceiptIsNotLinkedThroughAnOlderContact() {
    InMemoryDirectory directoryWithNewCompany =
        new InMemoryDirectory()
            .add(
                new Company("acme", TENANT, "Acme", Set.of("acme.com"), RECEIVED.plusSeconds(60)),
                bob);

    assertThat(
            links(rules.decide(message(TENANT, RECEIVED, "bob@acme.com"), directoryWithNewCompany)))
        .containsExactly(link(LinkTarget.Type.CONTACT, "bob", LinkRule.CONTACT_ADDRESS));
  }

  @Test
  void withoutReceiptDateTheDateHeaderThenTheFetchTimeCounts() {
    MessageFetched fetched = message(TENANT, RECEIVED, "bob@acme.com");
    Instant contactCreated = RECEIVED.minusSeconds(1);
    InMemoryDirectory directoryOfThatTime =
        new InMemoryDirectory()
            .add(new Contact("bob", TENANT, null, "bob@acme.com", "Bob", contactCreated));

    // Sent two seconds before receipt, i.e. before the contact existed.
    MessageFetched withoutReceipt = withDates(fetched, RECEIVED.minusSeconds(2), null);
    assertThat(rules.decide(withoutReceipt, directoryOfThatTime))
        .isInstanceOf(LinkDecision.Unmatched.class);

    // Fetched five seconds after receipt.
    MessageFetched withoutDates = withDates(fetched, null, null);
    assertThat(rules.decide(withoutDates, directoryOfThatTime))
        .isInstanceOf(LinkDecision.Linked.class);
  }

  @Test
  void addressesAndDomainsCompareCaseInsensitively() {
    InMemoryDirectory mixedCase =
        new InMemoryDirectory()
            .add(
                new Company("acme", TENANT, "Acme", Set.of("ACME.com"), BEFORE),
                new Contact("bob", TENANT, "acme", "Bob@Acme.COM", "Bob", BEFORE));

    assertThat(links(rules.decide(message(TENANT, RECEIVED, " BOB@acme.Com "), mixedCase)))
        .containsExactly(
            link(LinkTarget.Type.CONTACT, "bob", LinkRule.CONTACT_ADDRESS),
            link(LinkTarget.Type.COMPANY, "acme", LinkRule.COMPANY_DOMAIN));
  }

  @Test
  void eachTargetIsLinkedOnce() {
    directory.add(new Contact("carol", TENANT, "acme", "carol@acme.com", "Carol", BEFORE));

    LinkDecision decision =
        rules.decide(
            message(
                TENANT,
                RECEIVED,
                "bob@acme.com",
                "carol@acme.com",
                "BOB@acme.com",
                "someone.else@acme.com"),
            directory);

    assertThat(links(decision))
        .containsExactly(
            link(LinkTarget.Type.CONTACT, "bob", LinkRule.CONTACT_ADDRESS),
            link(LinkTarget.Type.CONTACT, "carol", LinkRule.CONTACT_ADDRESS),
            link(LinkTarget.Type.COMPANY, "acme", LinkRule.COMPANY_DOMAIN));
  }

  @Test
  void messageThatFailedToParseIsDecidedOnWhatItCarries() {
    MessageFetched fetched = message(TENANT, RECEIVED, "bob@acme.com", "not an address", "");
    MessageFetched broken =
        new MessageFetched(
            fetched.id(),
            fetched.tenantId(),
            fetched.occurredAt(),
            fetched.copy(),
            fetched.messageKey(),
            null,
            null,
            null,
            null,
            null,
            fetched.receivedAt(),
            fetched.participants(),
            null,
            null,
            false,
            "MIME structure truncated");

    assertThat(links(rules.decide(broken, directory)))
        .extracting(link -> link.target().id())
        .containsExactly("bob", "acme");
  }

  @Test
  void messageWithoutParticipantsIsUnmatched() {
    MessageFetched fetched = message(TENANT, RECEIVED);

    assertThat(rules.decide(fetched, directory))
        .isEqualTo(
            new LinkDecision.Unmatched(
                MessageUnmatched.Reason.NO_PARTICIPANT_MATCHED,
                "no contact or company domain matched 0 participant addresses"));
  }

  private static MessageFetched withDates(MessageFetched m, Instant sentAt, Instant receivedAt) {
    return new MessageFetched(
        m.id(),
        m.tenantId(),
        m.occurredAt(),
        m.copy(),
        m.messageKey(),
        m.rfcMessageId(),
        m.inReplyTo(),
        m.references(),
        m.subject(),
        sentAt,
        receivedAt,
        m.participants(),
        m.body(),
        m.attachments(),
        m.seen(),
        m.parseError());
  }

  private static java.util.List<Link> links(LinkDecision decision) {
    assertThat(decision).isInstanceOf(LinkDecision.Linked.class);
    return ((LinkDecision.Linked) decision).links();
  }

  private static Link link(LinkTarget.Type type, String id, LinkRule rule) {
    return new Link(new LinkTarget(type, id), rule);
  }
}
