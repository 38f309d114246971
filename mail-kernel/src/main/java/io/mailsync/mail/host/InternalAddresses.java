package io.mailsync.mail.host;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * The address ranges a user-supplied mail server must not point into: everything that reaches the
 * services' own machine or network, or that a gateway translates into such an address. NAT64
 * ({@code 64:ff9b::/96}) and 6to4 ({@code 2002::/16}) addresses are judged by the IPv4 address they
 * embed, so a DNS64 cluster still reaches public IPv4-only mail servers; local-use NAT64, Teredo
 * (whose embedded addresses are obfuscated), IPv4-mapped and IPv4-compatible forms are refused
 * outright.
 */
final class InternalAddresses {

  private record Range(byte[] prefix, int bits) {

    static Range of(String cidr) {
      int slash = cidr.indexOf('/');
      try {
        return new Range(
            literal(cidr.substring(0, slash)), Integer.parseInt(cidr.substring(slash + 1)));
      } catch (UnknownHostException e) {
        throw new IllegalArgumentException(cidr, e);
      }
    }

    boolean contains(byte[] address) {
      if (address.length != prefix.length) {
        return false;
      }
      int full = bits / 8;
      for (int i = 0; i < full; i++) {
        if (address[i] != prefix[i]) {
          return false;
        }
      }
      int rest = bits % 8;
      if (rest == 0) {
        return true;
      }
      int mask = (0xff << (8 - rest)) & 0xff;
      return (address[full] & mask) == (prefix[full] & mask);
    }
  }

  private static final List<Range> RANGES =
      List.of(
          // IPv4
          Range.of("0.0.0.0/8"), // "this" network
          Range.of("10.0.0.0/8"), // private
          Range.of("100.64.0.0/10"), // carrier-grade NAT
          Range.of("127.0.0.0/8"), // loopback
          Range.of("169.254.0.0/16"), // link-local, cloud metadata
          Range.of("172.16.0.0/12"), // private
          Range.of("192.0.0.0/24"), // IETF protocol assignments
          Range.of("192.168.0.0/16"), // private
          Range.of("198.18.0.0/15"), // benchmarking
          Range.of("224.0.0.0/4"), // multicast
          Range.of("240.0.0.0/4"), // reserved and broadcast
          // IPv6
          Range.of("::/96"), // unspecified, loopback, IPv4-compatible
          Range.of("::ffff:0:0/96"), // IPv4-mapped
          Range.of("64:ff9b:1::/48"), // local-use NAT64
          Range.of("100::/64"), // discard
          Range.of("2001::/32"), // Teredo
          Range.of("fc00::/7"), // unique local
          Range.of("fe80::/10"), // link-local
          Range.of("fec0::/10"), // site-local (deprecated)
          Range.of("ff00::/8")); // multicast

  private static final Range NAT64 = Range.of("64:ff9b::/96");
  private static final Range SIX_TO_FOUR = Range.of("2002::/16");

  static boolean contains(InetAddress address) {
    byte[] bytes = address.getAddress();
    if (NAT64.contains(bytes)) {
      return contains(ipv4(bytes, 12));
    }
    if (SIX_TO_FOUR.contains(bytes)) {
      return contains(ipv4(bytes, 2));
    }
    if (address.isLoopbackAddress()
        || address.isAnyLocalAddress()
        || address.isLinkLocalAddress()
        || address.isSiteLocalAddress()
        || address.isMulticastAddress()) {
      return true;
    }
    return RANGES.stream().anyMatch(range -> range.contains(bytes));
  }

  private static InetAddress ipv4(byte[] bytes, int from) {
    try {
      return InetAddress.getByAddress(
          new byte[] {bytes[from], bytes[from + 1], bytes[from + 2], bytes[from + 3]});
    } catch (UnknownHostException e) {
      throw new IllegalStateException("four bytes are always an IPv4 address", e);
    }
  }

  /** A literal's bytes without a lookup; the JDK parses IPv4-mapped forms to 4 bytes. */
  private static byte[] literal(String text) throws UnknownHostException {
    if (text.startsWith("::ffff:")) {
      byte[] mapped = new byte[16];
      mapped[10] = (byte) 0xff;
      mapped[11] = (byte) 0xff;
      return mapped;
    }
    return InetAddress.getByName(text).getAddress();
  }

  private InternalAddresses() {}
}
