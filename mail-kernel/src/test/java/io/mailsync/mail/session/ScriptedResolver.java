package io.mailsync.mail.session;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.net.spi.InetAddressResolver;
import java.net.spi.InetAddressResolverProvider;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.stream.Stream;

/**
 * The JDK's resolver for this test JVM: names under {@code .rebind.test} answer from a script, one
 * answer per lookup (the last answer repeats), the way a rebinding attacker's DNS server answers a
 * public address to the check and a loopback one to the connection. Everything else goes to the
 * built-in resolver. Registered in META-INF/services; the surefire argLine turns the JDK's address
 * cache off so every lookup arrives here.
 */
public final class ScriptedResolver extends InetAddressResolverProvider {

  public static final String DOMAIN = ".rebind.test";

  private static final Deque<InetAddress> ANSWERS = new ArrayDeque<>();
  private static int lookups;

  /** The answers the next lookups of any {@code *.rebind.test} name get, in order. */
  public static synchronized void script(String... addresses) {
    ANSWERS.clear();
    lookups = 0;
    for (String address : addresses) {
      try {
        ANSWERS.add(InetAddress.getByAddress(InetAddress.getByName(address).getAddress()));
      } catch (UnknownHostException e) {
        throw new IllegalArgumentException(address, e);
      }
    }
  }

  public static synchronized int lookups() {
    return lookups;
  }

  private static synchronized InetAddress next(String host) throws UnknownHostException {
    lookups++;
    if (ANSWERS.isEmpty()) {
      throw new UnknownHostException(host);
    }
    return ANSWERS.size() > 1 ? ANSWERS.poll() : ANSWERS.peek();
  }

  @Override
  public InetAddressResolver get(Configuration configuration) {
    InetAddressResolver builtin = configuration.builtinResolver();
    return new InetAddressResolver() {
      @Override
      public Stream<InetAddress> lookupByName(String host, LookupPolicy policy)
          throws UnknownHostException {
        return host.endsWith(DOMAIN) ? Stream.of(next(host)) : builtin.lookupByName(host, policy);
      }

      @Override
      public String lookupByAddress(byte[] address) throws UnknownHostException {
        return builtin.lookupByAddress(address);
      }
    };
  }

  @Override
  public String name() {
    return "mailsync-scripted-test-resolver";
  }
}
