/** linker-service: Decides which CRM records a message belongs to. */
package io.mailsync.linker;
