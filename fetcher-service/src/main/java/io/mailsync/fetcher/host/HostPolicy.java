package io.mailsync.fetcher.host;

import io.mailsync.fetcher.FetcherConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.IDN;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Decides whether a user-supplied mail server host may be connected to: it must be a bare host name
 * or IP address (no scheme, path, port or spaces), and — unless private hosts are allowed — must
 * not be or resolve to a loopback, private, link-local or otherwise internal address, so a mailbox
 * setting cannot be used to probe the service's own network. Names are checked again right before
 * every connection because DNS answers change.
 */
@ApplicationScoped
public class HostPolicy {

  private static final Pattern LABEL =
      Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?");
  private static final Pattern IPV4_SHAPE = Pattern.compile("[0-9.]+");
  private static final Pattern IPV6_SHAPE = Pattern.compile("[0-9A-Fa-f:.]+(%[A-Za-z0-9_.-]+)?");

  private final boolean allowPrivate;

  @Inject
  public HostPolicy(FetcherConfig config) {
    this(config.allowPrivateHosts());
  }

  public HostPolicy(boolean allowPrivate) {
    this.allowPrivate = allowPrivate;
  }

  /**
   * Why {@code host} is not a usable mail server host, or empty when it is: shape first, then
   * (resolving names) whether it points inside. The reason completes "imap.host ...".
   */
  public Optional<String> problem(String host) {
    Optional<String> shape = shapeProblem(host);
    if (shape.isPresent()) {
      return shape;
    }
    try {
      resolve(host);
      return Optional.empty();
    } catch (UnknownHostException e) {
      return Optional.of("could not be resolved: unknown host " + host);
    } catch (HostRefusedException e) {
      return Optional.of(e.getMessage());
    }
  }

  /** Shape only, no DNS: blank, scheme, path, port, spaces, invalid characters or labels. */
  public static Optional<String> shapeProblem(String host) {
    if (host == null || host.isBlank()) {
      return Optional.of("is required");
    }
    if (host.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
      return Optional.of("must not contain spaces or control characters");
    }
    if (host.length() > 253) {
      return Optional.of("must be at most 253 characters long");
    }
    if (host.contains("://")) {
      return Optional.of("must be a host name, not a URL (leave out the scheme)");
    }
    if (host.chars().anyMatch(c -> "/\\?#@".indexOf(c) >= 0)) {
      return Optional.of("must be a host name only, without path, user or query");
    }
    String unbracketed = unbracket(host);
    if (unbracketed.contains(":")) {
      return isIpv6Literal(unbracketed)
          ? Optional.empty()
          : Optional.of("must not contain a port or ':' (the port has its own field)");
    }
    if (!unbracketed.equals(host)) {
      return Optional.of("has brackets but is not an IPv6 address");
    }
    if (IPV4_SHAPE.matcher(host).matches()) {
      return ipv4(host).isPresent() ? Optional.empty() : Optional.of("is not a valid IPv4 address");
    }
    String ascii;
    try {
      ascii = IDN.toASCII(host, IDN.ALLOW_UNASSIGNED);
    } catch (IllegalArgumentException e) {
      return Optional.of("is not a valid host name");
    }
    String name = ascii.endsWith(".") ? ascii.substring(0, ascii.length() - 1) : ascii;
    if (name.isEmpty()) {
      return Optional.of("is not a valid host name");
    }
    for (String label : name.split("\\.", -1)) {
      if (!LABEL.matcher(label).matches()) {
        return Optional.of(
            "is not a valid host name (letters, digits, '-' and '.' only; no empty labels)");
      }
    }
    return Optional.empty();
  }

  /**
   * Resolves a host (of valid shape) and returns its addresses when connecting to them is allowed.
   *
   * @throws HostRefusedException when the host is or resolves to an internal address
   */
  public List<InetAddress> resolve(String host) throws UnknownHostException, HostRefusedException {
    Optional<String> shape = shapeProblem(host);
    if (shape.isPresent()) {
      throw new HostRefusedException("host " + shape.get());
    }
    String unbracketed = unbracket(host);
    String lower = unbracketed.toLowerCase(Locale.ROOT);
    if (!allowPrivate && (lower.equals("localhost") || lower.endsWith(".localhost"))) {
      throw refused(host, "a loopback name");
    }
    List<InetAddress> addresses =
        IPV4_SHAPE.matcher(unbracketed).matches()
            ? List.of(ipv4(unbracketed).orElseThrow(() -> new UnknownHostException(host)))
            : List.of(InetAddress.getAllByName(unbracketed));
    if (!allowPrivate) {
      for (InetAddress address : addresses) {
        if (isInternal(address)) {
          throw refused(host, "an internal address (" + address.getHostAddress() + ")");
        }
      }
    }
    return addresses;
  }

  /** Loopback, private, link-local, carrier-grade NAT, unique-local, multicast or reserved. */
  public static boolean isInternal(InetAddress address) {
    if (address.isLoopbackAddress()
        || address.isAnyLocalAddress()
        || address.isLinkLocalAddress()
        || address.isSiteLocalAddress()
        || address.isMulticastAddress()) {
      return true;
    }
    byte[] b = address.getAddress();
    if (address instanceof Inet4Address) {
      int first = b[0] & 0xff;
      int second = b[1] & 0xff;
      return first == 0 // "this" network
          || (first == 100 && second >= 64 && second <= 127) // carrier-grade NAT
          || (first == 192 && second == 0 && (b[2] & 0xff) == 0) // IETF protocol assignments
          || (first == 198 && (second == 18 || second == 19)) // benchmarking
          || first >= 240; // reserved and broadcast
    }
    if (address instanceof Inet6Address) {
      int first = b[0] & 0xff;
      if ((first & 0xfe) == 0xfc) {
        return true; // unique local fc00::/7
      }
      if (isEmbeddedIpv4(b)) {
        return isInternal(embeddedIpv4(b));
      }
    }
    return false;
  }

  private static HostRefusedException refused(String host, String what) {
    return new HostRefusedException(
        "host "
            + host
            + " is "
            + what
            + "; mail servers on internal addresses are not allowed here");
  }

  private static String unbracket(String host) {
    return host.length() > 2 && host.startsWith("[") && host.endsWith("]")
        ? host.substring(1, host.length() - 1)
        : host;
  }

  private static boolean isIpv6Literal(String value) {
    if (!IPV6_SHAPE.matcher(value).matches()) {
      return false;
    }
    try {
      // A string of hex digits, colons and dots is parsed as a literal, never looked up; the JDK
      // turns IPv4-mapped forms (::ffff:a.b.c.d) into IPv4 addresses.
      InetAddress.getByName(value);
      return true;
    } catch (UnknownHostException e) {
      return false;
    }
  }

  /** Strict dotted-quad parsing; the JDK would send "999.1.1.1" to DNS instead of rejecting it. */
  private static Optional<InetAddress> ipv4(String value) {
    String[] parts = value.split("\\.", -1);
    if (parts.length != 4) {
      return Optional.empty();
    }
    byte[] bytes = new byte[4];
    for (int i = 0; i < 4; i++) {
      String part = parts[i];
      if (part.isEmpty() || part.length() > 3 || (part.length() > 1 && part.startsWith("0"))) {
        return Optional.empty();
      }
      int n = Integer.parseInt(part);
      if (n > 255) {
        return Optional.empty();
      }
      bytes[i] = (byte) n;
    }
    try {
      return Optional.of(InetAddress.getByAddress(bytes));
    } catch (UnknownHostException e) {
      return Optional.empty();
    }
  }

  /** IPv4-compatible (::a.b.c.d) or NAT64 (64:ff9b::a.b.c.d) forms the JDK leaves as IPv6. */
  private static boolean isEmbeddedIpv4(byte[] b) {
    boolean compatible = true;
    for (int i = 0; i < 12; i++) {
      compatible &= b[i] == 0;
    }
    boolean nat64 =
        (b[0] & 0xff) == 0x00
            && (b[1] & 0xff) == 0x64
            && (b[2] & 0xff) == 0xff
            && (b[3] & 0xff) == 0x9b;
    for (int i = 4; nat64 && i < 12; i++) {
      nat64 = b[i] == 0;
    }
    return compatible || nat64;
  }

  private static InetAddress embeddedIpv4(byte[] b) {
    try {
      return InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]});
    } catch (UnknownHostException e) {
      throw new IllegalStateException(e);
    }
  }
}
