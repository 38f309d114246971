package io.mailsync.testkit.mail;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * GreenMail (IMAP and SMTP) in the test JVM on free loopback ports. One per test JVM: {@link
 * #shared()}; tests keep apart by using their own accounts.
 */
public final class GreenMailServer {

  private static GreenMailServer shared;

  private final GreenMail greenMail;

  private GreenMailServer(GreenMail greenMail) {
    this.greenMail = greenMail;
  }

  public static synchronized GreenMailServer shared() {
    if (shared == null) {
      shared = start();
      Runtime.getRuntime().addShutdownHook(new Thread(shared::stop, "greenmail-stop"));
    }
    return shared;
  }

  /** Starts a new server on free ports; the caller stops it with {@link #stop()}. */
  public static GreenMailServer start() {
    return start(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));
  }

  /** Starts a new server on the given loopback ports (e.g. a demo mail server for local runs). */
  public static GreenMailServer start(int smtpPort, int imapPort) {
    return start(
        new ServerSetup[] {
          new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
          new ServerSetup(imapPort, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)
        });
  }

  private static GreenMailServer start(ServerSetup[] setups) {
    GreenMail greenMail = new GreenMail(setups);
    greenMail.start();
    return new GreenMailServer(greenMail);
  }

  public String host() {
    return "127.0.0.1";
  }

  public int imapPort() {
    return greenMail.getImap().getPort();
  }

  public int smtpPort() {
    return greenMail.getSmtp().getPort();
  }

  /** Creates a mailbox whose login is its address. */
  public MailAccount createAccount(String email, String password) {
    greenMail.setUser(email, email, password);
    return new MailAccount(email, email, password, host(), imapPort(), smtpPort());
  }

  /** Hands a message to GreenMail's SMTP server, as a remote sender would. */
  public void sendOverSmtp(TestMessage message) {
    Properties props = new Properties();
    props.put("mail.smtp.host", host());
    props.put("mail.smtp.port", Integer.toString(smtpPort()));
    props.put("mail.smtp.connectiontimeout", "5000");
    try (Transport transport = Session.getInstance(props).getTransport("smtp")) {
      MimeMessage mime = message.toMimeMessage();
      transport.connect();
      transport.sendMessage(mime, mime.getAllRecipients());
    } catch (MessagingException e) {
      throw new IllegalStateException("SMTP delivery to GreenMail failed: " + e.getMessage(), e);
    }
  }

  /** Puts a message straight into an account's INBOX (no SMTP), e.g. from an .eml file. */
  public void deliver(MailAccount account, byte[] raw) {
    greenMail.getUserManager().getUser(account.login()).deliver(TestMessage.parse(raw));
  }

  public void deliver(MailAccount account, TestMessage message) {
    greenMail.getUserManager().getUser(account.login()).deliver(message.toMimeMessage());
  }

  public void deliverEml(MailAccount account, Path emlFile) {
    try {
      deliver(account, Files.readAllBytes(emlFile));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public void stop() {
    greenMail.stop();
  }
}
