package io.mailsync.mail.sent;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailsync.mail.sent.SentFolders.ListedFolder;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SentFoldersTest {

  @Test
  void theConfiguredFolderWins() {
    List<ListedFolder> folders = folders('/', "INBOX", "Sent", "Outbox");
    assertThat(SentFolders.choose("Outbox", folders, ""))
        .isEqualTo(new SentFolderChoice("Outbox", true));
    assertThat(SentFolders.choose(" Archive/Sent ", folders, ""))
        .isEqualTo(new SentFolderChoice("Archive/Sent", false));
  }

  @Test
  void theSpecialUseSentFolderComesBeforeNames() {
    List<ListedFolder> folders =
        List.of(
            new ListedFolder("INBOX", '/', Set.of()),
            new ListedFolder("Sent", '/', Set.of()),
            new ListedFolder("[Gmail]/Sent Mail", '/', Set.of("\\HasNoChildren", "\\Sent")));
    assertThat(SentFolders.choose(null, folders, ""))
        .isEqualTo(new SentFolderChoice("[Gmail]/Sent Mail", true));
  }

  @Test
  void findsSentBelowThePersonalNamespaceInAnyCase() {
    assertThat(
            SentFolders.choose(null, folders('.', "INBOX", "INBOX.Drafts", "INBOX.Sent"), "INBOX."))
        .isEqualTo(new SentFolderChoice("INBOX.Sent", true));
    assertThat(SentFolders.choose("", folders('/', "INBOX", "SENT"), ""))
        .isEqualTo(new SentFolderChoice("SENT", true));
    assertThat(SentFolders.choose(null, folders('.', "INBOX", "INBOX.sent items"), "INBOX."))
        .isEqualTo(new SentFolderChoice("INBOX.sent items", true));
  }

  @Test
  void findsSentInOtherLanguages() {
    assertThat(SentFolders.choose(null, folders('/', "INBOX", "Gesendete Elemente"), ""))
        .isEqualTo(new SentFolderChoice("Gesendete Elemente", true));
    assertThat(SentFolders.choose(null, folders('.', "INBOX", "INBOX.Envoyés"), "INBOX."))
        .isEqualTo(new SentFolderChoice("INBOX.Envoyés", true));
    assertThat(SentFolders.choose(null, folders('/', "INBOX", "Отправленные"), ""))
        .isEqualTo(new SentFolderChoice("Отправленные", true));
  }

  @Test
  void prefersTheMostCommonNameAndIgnoresNestedFolders() {
    assertThat(SentFolders.choose(null, folders('/', "Sent Items", "Sent"), ""))
        .isEqualTo(new SentFolderChoice("Sent", true));
    assertThat(SentFolders.choose(null, folders('/', "INBOX", "Archive/Sent"), ""))
        .isEqualTo(new SentFolderChoice("Sent", false));
  }

  @Test
  void proposesATopLevelSentWhereThereIsNone() {
    assertThat(SentFolders.choose(null, folders('.', "INBOX", "INBOX.Drafts"), "INBOX."))
        .isEqualTo(new SentFolderChoice("INBOX.Sent", false));
    assertThat(SentFolders.choose(null, folders('/', "INBOX"), ""))
        .isEqualTo(new SentFolderChoice("Sent", false));
  }

  private static List<ListedFolder> folders(char separator, String... names) {
    return Arrays.stream(names).map(n -> new ListedFolder(n, separator, Set.of())).toList();
  }
}
