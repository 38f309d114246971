package io.mailsync.testkit.mail;

/** A mailbox on a test mail server and how to reach it over IMAP and SMTP. */
public record MailAccount(
    String email, String login, String password, String host, int imapPort, int smtpPort) {}
