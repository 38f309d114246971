/** sender-service: Sends mail over SMTP and files a copy in the Sent folder. */
package io.mailsync.sender;
