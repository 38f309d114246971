package io.mailsync.sender.imap;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailsync.sender.imap.SentFolderChoice.ListedFolder;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SentFolderChoiceTest {

  private static final ListedFolder INBOX = new ListedFolder("INBOX", Set.of());
  private static final ListedFolder SENT_ITEMS =
      new ListedFolder("Sent Items", Set.of("\\HasNoChildren", "\\Sent"));
  private static final ListedFolder PLAIN_SENT = new ListedFolder("Sent", Set.of());

  @Test
  void configuredFolderWins() {
    assertThat(SentFolderChoice.choose("Outbox/Done", List.of(INBOX, SENT_ITEMS), ""))
        .isEqualTo(new SentFolderChoice("Outbox/Done", true));
    assertThat(SentFolderChoice.choose(" Sent Items ", List.of(INBOX, SENT_ITEMS, PLAIN_SENT), ""))
        .isEqualTo(new SentFolderChoice("Sent Items", false));
  }

  @Test
  void specialUseSentFolderIsFoundWhateverItsName() {
    assertThat(SentFolderChoice.choose(null, List.of(INBOX, PLAIN_SENT, SENT_ITEMS), ""))
        .isEqualTo(new SentFolderChoice("Sent Items", false));
    assertThat(
            SentFolderChoice.choose(
                "  ", List.of(new ListedFolder("[Gmail]/Sent Mail", Set.of("\\sent"))), ""))
        .isEqualTo(new SentFolderChoice("[Gmail]/Sent Mail", false));
  }

  @Test
  void existingTopLevelSentIsUsedWhenNoFolderIsMarked() {
    assertThat(
            SentFolderChoice.choose(null, List.of(INBOX, new ListedFolder("SENT", Set.of())), ""))
        .isEqualTo(new SentFolderChoice("SENT", false));
  }

  @Test
  void topLevelSentIsCreatedWhenTheServerHasNone() {
    assertThat(
            SentFolderChoice.choose(
                null, List.of(INBOX, new ListedFolder("Archive/Sent", Set.of())), ""))
        .isEqualTo(new SentFolderChoice("Sent", true));
  }

  @Test
  void topLevelMeansBelowThePersonalNamespace() {
    assertThat(SentFolderChoice.choose(null, List.of(INBOX), "INBOX."))
        .isEqualTo(new SentFolderChoice("INBOX.Sent", true));
    assertThat(
            SentFolderChoice.choose(
                null, List.of(INBOX, new ListedFolder("INBOX.Sent", Set.of())), "INBOX."))
        .isEqualTo(new SentFolderChoice("INBOX.Sent", false));
  }
}
