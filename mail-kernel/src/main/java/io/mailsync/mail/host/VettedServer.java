package io.mailsync.mail.host;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;

/**
 * A mail server that passed the host check: the name the user gave (for TLS server identity and
 * SNI) and the one address that was checked, which is the address the connection must go to — a
 * second DNS lookup could answer differently (rebinding).
 *
 * @param host the host name or IP literal as configured, without brackets
 * @param address the checked address
 */
public record VettedServer(String host, InetAddress address, int port) {

  /**
   * The checked address carrying the configured name, so that a client which takes a resolved
   * socket address connects to it without a lookup and still verifies TLS against the name.
   */
  public InetSocketAddress socketAddress() {
    try {
      return new InetSocketAddress(InetAddress.getByAddress(host, address.getAddress()), port);
    } catch (UnknownHostException e) {
      throw new IllegalStateException("an address of 4 or 16 bytes is always valid", e);
    }
  }

  @Override
  public String toString() {
    // The resolved address stays out of texts that may reach a user.
    return host + ":" + port;
  }
}
