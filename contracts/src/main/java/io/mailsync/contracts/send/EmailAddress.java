package io.mailsync.contracts.send;

/** A recipient or sender: address plus optional display name. */
public record EmailAddress(String address, String name) {}
