package io.mailsync.testkit.mail;

import io.mailsync.testkit.ChildProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.awaitility.Awaitility;

/**
 * A real, strict IMAP server for tests: Dovecot (Debian {@code dovecot-imapd}) run as a child
 * process on a free port with its own configuration, passwd file and maildirs under a temporary
 * directory. It advertises CONDSTORE, QRESYNC, UIDPLUS, MOVE, IDLE and SPECIAL-USE, and has \Sent
 * and \Trash folders. Tests call {@link #isInstalled()} and skip when it is not.
 */
public final class Dovecot {

  public static final String BINARY_VARIABLE = "MAILSYNC_DOVECOT";
  private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(30);
  private static final AtomicLong DELIVERIES = new AtomicLong();
  private static Dovecot shared;

  private final ChildProcess process;
  private final Path directory;
  private final int port;
  private final MailUser mailUser;

  private Dovecot(ChildProcess process, Path directory, int port, MailUser mailUser) {
    this.process = process;
    this.directory = directory;
    this.port = port;
    this.mailUser = mailUser;
  }

  public static Path binary() {
    String configured = System.getenv(BINARY_VARIABLE);
    return Path.of(configured == null || configured.isBlank() ? "/usr/sbin/dovecot" : configured);
  }

  public static boolean isInstalled() {
    return Files.isExecutable(binary());
  }

  /** Why Dovecot tests are skipped here, for the skip message. */
  public static String notInstalledReason() {
    return "Dovecot not found at "
        + binary()
        + ": install it (apt-get install -y dovecot-imapd,"
        + " which .ci/run does) or set "
        + BINARY_VARIABLE;
  }

  public static synchronized Dovecot shared() {
    if (shared == null || !shared.process.isAlive()) {
      shared = start();
    }
    return shared;
  }

  /** How a server lays out its folders; most servers look like {@link #STANDARD}. */
  public enum Layout {
    /** Folders at the root, separator "/", special-use Sent, Trash and Archive. */
    STANDARD,
    /**
     * Courier and Cyrus style: every folder below INBOX ("INBOX." personal namespace, separator
     * "."), and no special-use attributes.
     */
    INBOX_NAMESPACE,
    /** Folders at the root, separator "/", no special-use folders at all. */
    PLAIN
  }

  public static Dovecot start() {
    return start(Layout.STANDARD);
  }

  /** A server of its own with the given folder layout; the caller stops it. */
  public static Dovecot start(Layout layout) {
    if (!isInstalled()) {
      throw new IllegalStateException(notInstalledReason());
    }
    try {
      Path dir = Files.createTempDirectory("mailsync-dovecot-");
      MailUser user = MailUser.current();
      for (String sub : List.of("run", "state", "home")) {
        Files.createDirectories(dir.resolve(sub));
      }
      Files.writeString(dir.resolve("passwd"), "");
      Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
      user.own(dir.resolve("home"));
      int port = ChildProcess.freePort();
      Path config = dir.resolve("dovecot.conf");
      Files.writeString(config, configuration(dir, port, user, layout));
      ChildProcess process =
          ChildProcess.start(
              "dovecot",
              List.of(binary().toString(), "-F", "-c", config.toString()),
              dir.resolve("dovecot.out"),
              null);
      process.awaitPort("127.0.0.1", port, STARTUP_TIMEOUT);
      return new Dovecot(process, dir, port, user);
    } catch (IOException e) {
      throw new UncheckedIOException("Dovecot could not start: " + e.getMessage(), e);
    }
  }

  public int imapPort() {
    return port;
  }

  public Path directory() {
    return directory;
  }

  /** Adds an account (Dovecot re-reads its passwd file when it changes). */
  public synchronized MailAccount createAccount(String email, String password) {
    if (email.contains(":")
        || password.contains(":")
        || email.contains("\n")
        || password.contains("\n")) {
      throw new IllegalArgumentException("':' and newlines cannot appear in a passwd-file entry");
    }
    try {
      Path passwd = directory.resolve("passwd");
      Files.writeString(
          passwd,
          email + ":{PLAIN}" + password + "::::::\n",
          StandardCharsets.UTF_8,
          StandardOpenOption.APPEND);
      // Dovecot's auth process looks at the file at most once per wall-clock second; wait for the
      // next second so a login right after this call sees the new account.
      long written = System.currentTimeMillis() / 1000;
      Awaitility.await("the next wall-clock second")
          .atMost(Duration.ofSeconds(2))
          .pollInterval(Duration.ofMillis(20))
          .until(() -> System.currentTimeMillis() / 1000 != written);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new MailAccount(email, email, password, "127.0.0.1", port, 0);
  }

  /**
   * Drops a message into an account's INBOX the way a local delivery agent does: written to {@code
   * Maildir/tmp}, then renamed into {@code Maildir/new}.
   */
  public void deliver(MailAccount account, byte[] raw) {
    try {
      Path maildir = directory.resolve("home").resolve(account.login()).resolve("Maildir");
      for (String sub : List.of("tmp", "new", "cur")) {
        Files.createDirectories(maildir.resolve(sub));
      }
      mailUser.ownTree(directory.resolve("home").resolve(account.login()));
      String name =
          System.currentTimeMillis() / 1000
              + ".M"
              + DELIVERIES.incrementAndGet()
              + "P"
              + ProcessHandle.current().pid()
              + "_"
              + UUID.randomUUID().toString().substring(0, 8)
              + ".mailsync";
      Path tmp = maildir.resolve("tmp").resolve(name);
      Files.write(tmp, raw);
      mailUser.own(tmp);
      Files.move(tmp, maildir.resolve("new").resolve(name));
    } catch (IOException e) {
      throw new UncheckedIOException("maildir delivery failed: " + e.getMessage(), e);
    }
  }

  public void stop() {
    process.close();
  }

  private static String configuration(Path dir, int port, MailUser user, Layout layout) {
    return """
        protocols = imap
        listen = 127.0.0.1
        base_dir = %1$s/run
        state_dir = %1$s/state
        log_path = %1$s/dovecot.log
        info_log_path = %1$s/dovecot.log
        ssl = no
        disable_plaintext_auth = no
        auth_mechanisms = plain login
        default_login_user = %2$s
        default_internal_user = %2$s
        default_internal_group = %3$s
        first_valid_uid = 1
        mail_location = maildir:~/Maildir
        protocol imap {
          mail_max_userip_connections = 200
        }
        %7$s
        passdb {
          driver = passwd-file
          args = scheme=PLAIN username_format=%%u %1$s/passwd
        }
        userdb {
          driver = static
          args = uid=%4$d gid=%5$d home=%1$s/home/%%u
        }
        service imap-login {
          chroot =
          inet_listener imap {
            port = %6$d
          }
          inet_listener imaps {
            port = 0
          }
        }
        service anvil {
          chroot =
        }
        service stats {
          unix_listener stats-reader {
            mode = 0666
          }
          unix_listener stats-writer {
            mode = 0666
          }
        }
        """
        .formatted(dir, user.name(), user.group(), user.uid(), user.gid(), port, namespace(layout));
  }

  private static String namespace(Layout layout) {
    return switch (layout) {
      case STANDARD ->
          """
          namespace inbox {
            inbox = yes
            separator = /
            mailbox Sent {
              special_use = \\Sent
              auto = subscribe
            }
            mailbox Trash {
              special_use = \\Trash
              auto = subscribe
            }
            mailbox Archive {
              special_use = \\Archive
              auto = subscribe
            }
          }""";
      case INBOX_NAMESPACE ->
          """
          namespace inbox {
            inbox = yes
            prefix = INBOX.
            separator = .
          }""";
      case PLAIN ->
          """
          namespace inbox {
            inbox = yes
            separator = /
          }""";
    };
  }

  /**
   * The system user Dovecot's processes and mail files run as: the current user, or {@code nobody}
   * when the tests run as root (Dovecot refuses to serve mail as uid 0); then the kit hands the
   * files it writes to that user ({@code chown}).
   */
  record MailUser(String name, String group, int uid, int gid, boolean chownFiles) {

    static MailUser current() throws IOException {
      Path probe = Files.createTempFile("mailsync-uid", ".probe");
      try {
        int uid = (Integer) Files.getAttribute(probe, "unix:uid");
        if (uid == 0) {
          return new MailUser("nobody", "nogroup", 65534, 65534, true);
        }
        int gid = (Integer) Files.getAttribute(probe, "unix:gid");
        String group = Files.readAttributes(probe, PosixFileAttributes.class).group().getName();
        return new MailUser(System.getProperty("user.name"), group, uid, gid, false);
      } finally {
        Files.deleteIfExists(probe);
      }
    }

    void own(Path path) throws IOException {
      if (chownFiles) {
        Files.setAttribute(path, "unix:uid", uid);
        Files.setAttribute(path, "unix:gid", gid);
      }
    }

    void ownTree(Path root) throws IOException {
      if (!chownFiles) {
        return;
      }
      try (var paths = Files.walk(root)) {
        for (Path p : (Iterable<Path>) paths::iterator) {
          own(p);
        }
      }
    }
  }
}
