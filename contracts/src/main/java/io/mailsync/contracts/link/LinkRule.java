package io.mailsync.contracts.link;

/** Why the linker linked a message to a target; subscribers may show it, the explain API does. */
public enum LinkRule {
  /** A participant's address is the contact's address. */
  CONTACT_ADDRESS,
  /** A participant's domain is one of the company's email domains (never a free-mail domain). */
  COMPANY_DOMAIN,
  /** The deal is open and belongs to a matched contact. */
  OPEN_DEAL,
  /** Forwarded or BCC'd to a user's CRM address, with the user's own address also present. */
  CRM_ADDRESS,
  /** A user linked it by hand. */
  MANUAL
}
