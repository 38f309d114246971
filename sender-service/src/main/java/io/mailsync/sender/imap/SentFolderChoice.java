package io.mailsync.sender.imap;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which folder a sent mail is filed in: the mailbox's configured Sent folder; else the folder the
 * server marks {@code \Sent} (RFC 6154 special use); else a top-level folder named "Sent", which is
 * created when the server has none.
 *
 * @param folder full name of the folder
 * @param create whether the folder has to be created first
 */
public record SentFolderChoice(String folder, boolean create) {

  public static final String DEFAULT_NAME = "Sent";
  public static final String SENT_ATTRIBUTE = "\\Sent";

  /** A folder as the server's LIST reports it. */
  public record ListedFolder(String fullName, Set<String> attributes) {}

  /**
   * @param configured the mailbox's sentFolder setting, or null/blank for auto-detection
   * @param folders every folder of the account
   * @param topLevelPrefix where top-level folders live: "" on most servers, e.g. "INBOX." on
   *     servers whose personal namespace is below INBOX
   */
  public static SentFolderChoice choose(
      String configured, List<ListedFolder> folders, String topLevelPrefix) {
    if (configured != null && !configured.isBlank()) {
      String name = configured.strip();
      boolean exists = folders.stream().anyMatch(f -> f.fullName().equals(name));
      return new SentFolderChoice(name, !exists);
    }
    for (ListedFolder folder : folders) {
      if (folder.attributes().stream().anyMatch(SENT_ATTRIBUTE::equalsIgnoreCase)) {
        return new SentFolderChoice(folder.fullName(), false);
      }
    }
    String prefix = topLevelPrefix == null ? "" : topLevelPrefix;
    String wanted = (prefix + DEFAULT_NAME).toLowerCase(Locale.ROOT);
    for (ListedFolder folder : folders) {
      // "SENT" or "sent" is the same folder to a user; never create a twin beside it.
      if (folder.fullName().toLowerCase(Locale.ROOT).equals(wanted)) {
        return new SentFolderChoice(folder.fullName(), false);
      }
    }
    return new SentFolderChoice(prefix + DEFAULT_NAME, true);
  }
}
