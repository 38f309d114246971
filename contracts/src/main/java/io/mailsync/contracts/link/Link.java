package io.mailsync.contracts.link;

/** One link of a message to a CRM record, with the rule that made it. */
public record Link(LinkTarget target, LinkRule rule) {}
