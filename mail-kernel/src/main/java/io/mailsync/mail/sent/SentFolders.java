package io.mailsync.mail.sent;

import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import jakarta.mail.Store;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.eclipse.angus.mail.imap.IMAPFolder;

/**
 * Finds a mailbox's Sent folder, the one way both services do: the configured folder; else the
 * folder the server marks {@code \Sent} (RFC 6154 special use); else a top-level folder with a
 * common Sent name — in the personal namespace ({@code INBOX.Sent} on Courier and Cyrus style
 * servers) or at the root, in any case, in the languages mail clients use; else a new top-level
 * "Sent". The sender files into the folder the fetcher syncs because both ask this class.
 */
public final class SentFolders {

  private static final String DEFAULT_NAME = "Sent";
  private static final String SENT_ATTRIBUTE = "\\Sent";

  /** Names mail clients and servers give the Sent folder, most common first. */
  private static final List<String> COMMON_NAMES =
      List.of(
          "Sent",
          "Sent Items",
          "Sent Messages",
          "Sent Mail",
          "Sent-Mail",
          "Gesendet",
          "Gesendete Elemente",
          "Gesendete Objekte",
          "Envoyés",
          "Éléments envoyés",
          "Messages envoyés",
          "Enviados",
          "Elementos enviados",
          "Itens enviados",
          "Posta inviata",
          "Inviati",
          "Elementi inviati",
          "Verzonden",
          "Verzonden items",
          "Skickat",
          "Skickade objekt",
          "Sendt",
          "Sendte elementer",
          "Lähetetyt",
          "Wysłane",
          "Odeslané",
          "Отправленные",
          "已发送",
          "送信済み");

  /** A folder as the server's LIST reports it. */
  public record ListedFolder(String fullName, char separator, Set<String> attributes) {}

  /**
   * @param configured the mailbox's Sent folder setting; null or blank for auto-detection
   * @param folders every folder of the account
   * @param personalPrefix where top-level folders live: "" on most servers, "INBOX." where the
   *     personal namespace is below INBOX
   */
  public static SentFolderChoice choose(
      String configured, List<ListedFolder> folders, String personalPrefix) {
    if (configured != null && !configured.isBlank()) {
      String name = configured.strip();
      return new SentFolderChoice(name, folders.stream().anyMatch(f -> f.fullName().equals(name)));
    }
    for (ListedFolder folder : folders) {
      if (folder.attributes().stream().anyMatch(SENT_ATTRIBUTE::equalsIgnoreCase)) {
        return new SentFolderChoice(folder.fullName(), true);
      }
    }
    String prefix = personalPrefix == null ? "" : personalPrefix;
    for (String common : COMMON_NAMES) {
      Optional<ListedFolder> named = topLevelNamed(folders, prefix, common);
      if (named.isPresent()) {
        return new SentFolderChoice(named.get().fullName(), true);
      }
    }
    return new SentFolderChoice(prefix + DEFAULT_NAME, false);
  }

  /** Lists the account's folders and chooses. Blocking: one LIST and one NAMESPACE. */
  public static SentFolderChoice resolve(Store store, String configured) throws MessagingException {
    List<ListedFolder> listed = new ArrayList<>();
    for (Folder folder : store.getDefaultFolder().list("*")) {
      String[] attributes = folder instanceof IMAPFolder imap ? imap.getAttributes() : null;
      listed.add(
          new ListedFolder(
              folder.getFullName(),
              folder.getSeparator(),
              attributes == null ? Set.of() : new HashSet<>(Arrays.asList(attributes))));
    }
    return choose(configured, listed, personalPrefix(store));
  }

  /** "" when top-level folders sit at the root; e.g. "INBOX." where they must live below INBOX. */
  private static String personalPrefix(Store store) throws MessagingException {
    Folder[] personal = store.getPersonalNamespaces();
    if (personal.length == 0 || personal[0].getFullName().isEmpty()) {
      return "";
    }
    return personal[0].getFullName() + personal[0].getSeparator();
  }

  private static Optional<ListedFolder> topLevelNamed(
      List<ListedFolder> folders, String prefix, String name) {
    String wanted = name.toLowerCase(Locale.ROOT);
    for (String under : prefix.isEmpty() ? List.of("") : List.of(prefix, "")) {
      for (ListedFolder folder : folders) {
        String full = folder.fullName();
        if (!full.regionMatches(true, 0, under, 0, under.length())) {
          continue;
        }
        String leaf = full.substring(under.length());
        boolean topLevel = folder.separator() == 0 || leaf.indexOf(folder.separator()) < 0;
        if (topLevel && leaf.toLowerCase(Locale.ROOT).equals(wanted)) {
          return Optional.of(folder);
        }
      }
    }
    return Optional.empty();
  }

  private SentFolders() {}
}
