package io.mailsync.sender.host;

import io.mailsync.sender.SendFailure;
import io.mailsync.sender.SenderConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.IDN;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * Checks a user-supplied mail server before the service connects to it: a well-formed host name or
 * IP literal and a valid port, and — unless private hosts are allowed — no address inside the
 * service's own network (loopback, private, link-local, ...), so mailbox settings cannot be used to
 * reach internal services.
 */
@ApplicationScoped
public class MailHostPolicy {

  private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:/*");
  private static final Pattern LABEL =
      Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?");
  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
  private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]+(%[A-Za-z0-9]+)?");

  private final boolean allowPrivateHosts;

  @Inject
  public MailHostPolicy(SenderConfig config) {
    this(config.allowPrivateHosts());
  }

  public MailHostPolicy(boolean allowPrivateHosts) {
    this.allowPrivateHosts = allowPrivateHosts;
  }

  /**
   * Resolves and checks a server (blocking: DNS). {@code role} names it in the reason, e.g. "SMTP".
   *
   * @throws SendFailure when the host must not or cannot be used
   */
  public void check(String role, String host, int port) {
    String problem = syntaxProblem(host);
    if (problem == null && (port < 1 || port > 65535)) {
      problem = "port " + port + " is out of range";
    }
    if (problem != null) {
      throw SendFailure.permanent(role + " server setting refused: " + problem);
    }
    InetAddress[] addresses;
    try {
      addresses = InetAddress.getAllByName(unbracketed(host.strip()));
    } catch (UnknownHostException e) {
      throw SendFailure.transientFailure(role + " host " + host.strip() + " could not be resolved");
    }
    if (!allowPrivateHosts) {
      for (InetAddress address : addresses) {
        String reason = internalAddressProblem(address);
        if (reason != null) {
          throw SendFailure.permanent(
              role
                  + " host "
                  + host.strip()
                  + " refused: it resolves to "
                  + reason
                  + " address "
                  + address.getHostAddress());
        }
      }
    }
  }

  /** What is wrong with the host as written, or null when it is a host name or an IP literal. */
  public static String syntaxProblem(String host) {
    if (host == null || host.isBlank()) {
      return "host is blank";
    }
    String h = host.strip();
    if (h.contains("://")
        || (SCHEME.matcher(h).find() && !IPV6.matcher(unbracketed(h)).matches())) {
      return "host \"" + h + "\" must be a bare host name, without scheme or port";
    }
    if (h.startsWith("[") != h.endsWith("]")) {
      return "host \"" + h + "\" has unbalanced brackets";
    }
    String bare = unbracketed(h);
    if (bare.contains(":")) {
      return IPV6.matcher(bare).matches() && isLiteral(bare)
          ? null
          : "host \"" + h + "\" is not a valid IPv6 address";
    }
    if (IPV4.matcher(bare).matches()) {
      for (String octet : bare.split("\\.")) {
        if (Integer.parseInt(octet) > 255) {
          return "host \"" + h + "\" is not a valid IPv4 address";
        }
      }
      return null;
    }
    String ascii;
    try {
      ascii = IDN.toASCII(bare, IDN.USE_STD3_ASCII_RULES);
    } catch (IllegalArgumentException e) {
      return "host \"" + h + "\" contains characters not allowed in a host name";
    }
    if (ascii.endsWith(".")) {
      ascii = ascii.substring(0, ascii.length() - 1);
    }
    if (ascii.isEmpty() || ascii.length() > 253) {
      return "host \"" + h + "\" is not a valid host name";
    }
    for (String label : ascii.split("\\.", -1)) {
      if (!LABEL.matcher(label).matches()) {
        return "host \"" + h + "\" contains characters not allowed in a host name";
      }
    }
    return null;
  }

  /** Why an address is internal ("loopback", "private", ...), or null for a public address. */
  public static String internalAddressProblem(InetAddress address) {
    if (address.isAnyLocalAddress()) {
      return "a wildcard";
    }
    if (address.isLoopbackAddress()) {
      return "a loopback";
    }
    if (address.isLinkLocalAddress()) {
      return "a link-local";
    }
    if (address.isSiteLocalAddress()) {
      return "a private";
    }
    if (address.isMulticastAddress()) {
      return "a multicast";
    }
    byte[] b = address.getAddress();
    if (address instanceof Inet4Address) {
      int first = b[0] & 0xff;
      int second = b[1] & 0xff;
      if (first == 0 || first >= 240) {
        return "a reserved";
      }
      if (first == 100 && second >= 64 && second < 128) {
        return "a shared (carrier-grade NAT)";
      }
      if (first == 198 && (second == 18 || second == 19)) {
        return "a benchmarking";
      }
      if (first == 192 && second == 0 && (b[2] & 0xff) == 0) {
        return "a reserved";
      }
    } else if (address instanceof Inet6Address) {
      if ((b[0] & 0xfe) == 0xfc) {
        return "a private (unique local)";
      }
      if (isIpv4Compatible(b)) {
        return "a reserved";
      }
    }
    return null;
  }

  private static boolean isIpv4Compatible(byte[] b) {
    for (int i = 0; i < 12; i++) {
      if (b[i] != 0) {
        return false;
      }
    }
    return true;
  }

  private static boolean isLiteral(String literal) {
    try {
      // A string with a colon is parsed as an IPv6 literal, never looked up in DNS.
      InetAddress.getByName(literal);
      return true;
    } catch (UnknownHostException e) {
      return false;
    }
  }

  private static String unbracketed(String host) {
    return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
  }
}
