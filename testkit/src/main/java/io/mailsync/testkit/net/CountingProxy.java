package io.mailsync.testkit.net;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP proxy on a loopback port in front of a server, counting the connections clients open
 * through it: how a test sees, at the server's side, how often a client logged in or tried to.
 */
public final class CountingProxy implements AutoCloseable {

  private final ServerSocket listener;
  private final String targetHost;
  private final int targetPort;
  private final AtomicInteger connections = new AtomicInteger();

  private CountingProxy(String targetHost, int targetPort) throws IOException {
    this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    this.targetHost = targetHost;
    this.targetPort = targetPort;
    Thread.ofVirtual().name("counting-proxy-" + port()).start(this::accept);
  }

  public static CountingProxy to(String host, int port) {
    try {
      return new CountingProxy(host, port);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public int port() {
    return listener.getLocalPort();
  }

  /** Connections accepted so far. */
  public int connections() {
    return connections.get();
  }

  private void accept() {
    while (!listener.isClosed()) {
      try {
        Socket client = listener.accept();
        connections.incrementAndGet();
        Thread.ofVirtual().start(() -> forward(client));
      } catch (IOException closed) {
        return;
      }
    }
  }

  private void forward(Socket client) {
    try (client;
        Socket server = new Socket(targetHost, targetPort)) {
      Thread upstream = Thread.ofVirtual().start(() -> pipe(client, server));
      pipe(server, client);
      upstream.join();
    } catch (IOException | InterruptedException e) {
      // One side went away: the connection is over.
    }
  }

  private static void pipe(Socket from, Socket to) {
    try {
      InputStream in = from.getInputStream();
      OutputStream out = to.getOutputStream();
      in.transferTo(out);
      to.shutdownOutput();
    } catch (IOException e) {
      // closed by either side
    }
  }

  @Override
  public void close() throws IOException {
    listener.close();
  }
}
