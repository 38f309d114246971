/** fetcher-service: Owns mailbox accounts and reads mailboxes; publishes what it finds. */
package io.mailsync.fetcher;
