package io.mailsync.mail.host;

import io.mailsync.mail.address.HostNames;
import io.mailsync.mail.validation.ControlCharacters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Decides whether a user-supplied mail server may be connected to: a bare host name or IP literal
 * (no scheme, path, port or spaces), a port on the allow-list, and — unless private hosts are
 * allowed — no address inside the services' own network. The name is resolved once, every answer is
 * checked, and the caller connects to the checked address ({@link VettedServer}), so a DNS answer
 * that changes between check and connect reaches nothing internal.
 *
 * <p>Texts it produces name the host as the user wrote it, never the address behind the name.
 */
@ApplicationScoped
public class MailHostPolicy {

  private static final Pattern IPV4_SHAPE = Pattern.compile("[0-9.]+");
  private static final Pattern IPV6_SHAPE = Pattern.compile("[0-9A-Fa-f:.]+(%[A-Za-z0-9_.-]+)?");
  private static final Pattern PORT_RANGE = Pattern.compile("(\\d{1,5})(?:-(\\d{1,5}))?");

  private final boolean allowPrivateHosts;
  private final List<int[]> allowedPorts;
  private final String allowedPortsText;

  @Inject
  public MailHostPolicy(MailServerConfig config) {
    this(config.allowPrivateHosts(), config.allowedPorts());
  }

  /**
   * @param allowedPorts single ports ({@code "993"}) or inclusive ranges ({@code "1024-65535"})
   * @throws IllegalArgumentException when an entry is neither
   */
  public MailHostPolicy(boolean allowPrivateHosts, List<String> allowedPorts) {
    this.allowPrivateHosts = allowPrivateHosts;
    if (allowedPorts.isEmpty()) {
      throw new IllegalArgumentException("at least one mail server port must be allowed");
    }
    this.allowedPorts = allowedPorts.stream().map(MailHostPolicy::portRange).toList();
    this.allowedPortsText = String.join(", ", allowedPorts);
  }

  /**
   * Resolves the host once and returns the address to connect to.
   *
   * @throws HostRefusedException when the host is malformed, the port is not allowed, or the host
   *     is or resolves to an internal address
   * @throws UnknownHostException when the name does not resolve (may be temporary)
   */
  public VettedServer vet(String host, int port) throws HostRefusedException, UnknownHostException {
    Optional<String> shape = shapeProblem(host);
    if (shape.isPresent()) {
      throw new HostRefusedException("host " + shape.get());
    }
    Optional<String> portProblem = portProblem(port);
    if (portProblem.isPresent()) {
      throw new HostRefusedException("port " + port + " " + portProblem.get());
    }
    String name = unbracket(host);
    String lower = name.toLowerCase(Locale.ROOT);
    if (!allowPrivateHosts && (lower.equals("localhost") || lower.endsWith(".localhost"))) {
      throw refused(name, "a loopback name");
    }
    List<InetAddress> addresses =
        IPV4_SHAPE.matcher(name).matches()
            ? List.of(ipv4(name).orElseThrow(() -> new UnknownHostException(name)))
            : List.of(InetAddress.getAllByName(name));
    if (!allowPrivateHosts && addresses.stream().anyMatch(InternalAddresses::contains)) {
      // A name is answered in the words of an unknown one: whether an internal name exists is
      // none of the user's business. An address the user typed is simply named for what it is.
      throw IPV4_SHAPE.matcher(name).matches() || name.contains(":")
          ? refused(name, "an internal address")
          : new HostRefusedException(notFound(name));
    }
    return new VettedServer(name, addresses.getFirst(), port);
  }

  /**
   * Why {@code host} is not a usable mail server host (shape, resolution, internal address), or
   * empty when it is. The reason completes "imap.host ...". Blocking: resolves the name.
   */
  public Optional<String> hostProblem(String host) {
    Optional<String> shape = shapeProblem(host);
    if (shape.isPresent()) {
      return shape;
    }
    try {
      vetAddress(host);
      return Optional.empty();
    } catch (UnknownHostException e) {
      return Optional.of(notFound(host));
    } catch (HostRefusedException e) {
      return Optional.of(e.getMessage());
    }
  }

  /** Why {@code port} is not one a mail server may use here (completing "imap.port ..."). */
  public Optional<String> portProblem(int port) {
    if (port < 1 || port > 65535) {
      return Optional.of("must be between 1 and 65535");
    }
    for (int[] range : allowedPorts) {
      if (port >= range[0] && port <= range[1]) {
        return Optional.empty();
      }
    }
    return Optional.of("is not a mail server port allowed here (" + allowedPortsText + ")");
  }

  private void vetAddress(String host) throws HostRefusedException, UnknownHostException {
    // Any allowed port will do: the port is checked on its own.
    vet(host, allowedPorts.getFirst()[0]);
  }

  /** Shape only, no DNS: blank, scheme, path, port, spaces, invalid characters or labels. */
  public static Optional<String> shapeProblem(String host) {
    if (host == null || host.isBlank()) {
      return Optional.of("is required");
    }
    String h = host;
    if (h.chars().anyMatch(Character::isWhitespace) || ControlCharacters.containsAny(h)) {
      return Optional.of("must not contain spaces or control characters");
    }
    if (h.length() > 253) {
      return Optional.of("must be at most 253 characters long");
    }
    if (h.contains("://")) {
      return Optional.of("must be a host name, not a URL (leave out the scheme)");
    }
    if (h.chars().anyMatch(c -> "/\\?#@".indexOf(c) >= 0)) {
      return Optional.of("must be a host name only, without path, user or query");
    }
    String unbracketed = unbracket(h);
    if (unbracketed.contains(":")) {
      return isIpv6Literal(unbracketed)
          ? Optional.empty()
          : Optional.of("must not contain a port or ':' (the port has its own field)");
    }
    if (!unbracketed.equals(h) || h.contains("[") || h.contains("]")) {
      return Optional.of("has brackets but is not an IPv6 address");
    }
    if (IPV4_SHAPE.matcher(h).matches()) {
      return ipv4(h).isPresent() ? Optional.empty() : Optional.of("is not a valid IPv4 address");
    }
    return nameProblem(h);
  }

  private static Optional<String> nameProblem(String host) {
    return HostNames.toAscii(host).isPresent()
        ? Optional.empty()
        : Optional.of(
            "is not a valid host name (letters, digits, '-' and '.' only; no empty labels)");
  }

  /** For unknown names and names of internal addresses alike. */
  static String notFound(String host) {
    return "host " + host + " was not found, or is not a public mail server";
  }

  private static HostRefusedException refused(String host, String what) {
    return new HostRefusedException(
        "host "
            + host
            + " is "
            + what
            + "; mail servers on internal addresses are not allowed here");
  }

  private static int[] portRange(String entry) {
    var matcher = PORT_RANGE.matcher(entry.strip());
    if (!matcher.matches()) {
      throw new IllegalArgumentException(
          "allowed port \"" + entry + "\" is neither a port nor a range such as 1024-65535");
    }
    int low = Integer.parseInt(matcher.group(1));
    int high = matcher.group(2) == null ? low : Integer.parseInt(matcher.group(2));
    if (low < 1 || high > 65535 || low > high) {
      throw new IllegalArgumentException("allowed port range \"" + entry + "\" is out of 1-65535");
    }
    return new int[] {low, high};
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
      // Hex digits, colons and dots are parsed as a literal, never looked up.
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
}
