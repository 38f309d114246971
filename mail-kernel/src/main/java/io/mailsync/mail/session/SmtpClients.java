package io.mailsync.mail.session;

import io.mailsync.contracts.mailbox.MailServer;
import io.mailsync.mail.host.VettedServer;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.auth.authentication.UsernamePasswordCredentials;
import io.vertx.ext.mail.LoginOption;
import io.vertx.ext.mail.MailClient;
import io.vertx.ext.mail.MailConfig;
import io.vertx.ext.mail.StartTLSOptions;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Builds Vert.x SMTP clients that connect to the vetted address only. The mail client asks its
 * network client to connect by host name, which would resolve the name again; it is given a Vert.x
 * whose network clients connect to the vetted address instead, carrying the configured name so that
 * TLS (SMTPS and STARTTLS) still verifies the certificate against it and sends it as SNI.
 */
public final class SmtpClients {

  /** Password mechanisms only: XOAUTH2 would hand the password over as if it were a token. */
  private static final String PASSWORD_MECHANISMS =
      "CRAM-SHA256 CRAM-SHA1 CRAM-MD5 DIGEST-MD5 PLAIN LOGIN";

  /**
   * @param login whether the server requires a login (a username is configured)
   * @param connectTimeout longest wait for the TCP connection
   * @param idleTimeout a connection with no answer for this long is closed and the send fails
   */
  public static MailConfig config(
      VettedServer vetted,
      MailServer server,
      boolean login,
      Duration connectTimeout,
      Duration idleTimeout) {
    MailServer.Security security = server.security();
    return new MailConfig()
        .setHostname(vetted.host())
        .setPort(vetted.port())
        .setSsl(security == MailServer.Security.SSL)
        .setStarttls(
            security == MailServer.Security.STARTTLS
                ? StartTLSOptions.REQUIRED
                : StartTLSOptions.DISABLED)
        .setTrustAll(server.trustAnyCertificate())
        .setLogin(login ? LoginOption.REQUIRED : LoginOption.DISABLED)
        .setAuthMethods(PASSWORD_MECHANISMS)
        .setConnectTimeout((int) connectTimeout.toMillis())
        .setIdleTimeout((int) idleTimeout.toMillis())
        .setIdleTimeoutUnit(TimeUnit.MILLISECONDS)
        .setMaxPoolSize(2)
        .setKeepAlive(true);
  }

  /** A client whose every connection goes to {@code vetted}'s address. */
  public static MailClient create(
      Vertx vertx,
      VettedServer vetted,
      MailConfig config,
      Supplier<Future<UsernamePasswordCredentials>> credentials) {
    return MailClient.builder(pinned(vertx, vetted))
        .with(config)
        .withCredentialsSupplier(credentials)
        .build();
  }

  private static Vertx pinned(Vertx vertx, VettedServer vetted) {
    return proxy(
        Vertx.class,
        vertx,
        (method, args) ->
            method.getName().equals("createNetClient")
                ? pinned((NetClient) invoke(vertx, method, args), vetted)
                : invoke(vertx, method, args));
  }

  private static NetClient pinned(NetClient client, VettedServer vetted) {
    return proxy(
        NetClient.class,
        client,
        (method, args) -> {
          if (isConnectByName(method)) {
            // connect(port, host): to the vetted address, verifying TLS against the name.
            SocketAddress address = SocketAddress.inetSocketAddress(vetted.socketAddress());
            return client.connect(address, vetted.host());
          }
          if (method.getName().equals("connect")) {
            throw new UnsupportedOperationException("only connect(port, host) is pinned");
          }
          return invoke(client, method, args);
        });
  }

  private static boolean isConnectByName(Method method) {
    Class<?>[] types = method.getParameterTypes();
    return method.getName().equals("connect")
        && types.length == 2
        && types[0] == int.class
        && types[1] == String.class
        && method.getReturnType() == Future.class;
  }

  private interface Call {
    Object invoke(Method method, Object[] args) throws Throwable;
  }

  private static <T> T proxy(Class<T> type, T delegate, Call call) {
    InvocationHandler handler =
        (proxy, method, args) -> {
          if (method.getDeclaringClass() == Object.class) {
            return method.getName().equals("equals")
                ? proxy == args[0]
                : invoke(delegate, method, args);
          }
          return call.invoke(method, args);
        };
    return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler));
  }

  private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  private SmtpClients() {}
}
