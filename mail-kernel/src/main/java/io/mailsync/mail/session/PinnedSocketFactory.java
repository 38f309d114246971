package io.mailsync.mail.session;

import io.mailsync.mail.host.VettedServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketAddress;
import javax.net.SocketFactory;

/**
 * Plain sockets that connect to the vetted address whatever name or address the mail library asks
 * for, so that its own lookup of the host name cannot send it elsewhere. TLS is layered on top by
 * the library with the configured host name, so the certificate is still checked against it.
 */
final class PinnedSocketFactory extends SocketFactory {

  private final VettedServer server;

  PinnedSocketFactory(VettedServer server) {
    this.server = server;
  }

  @Override
  public Socket createSocket() {
    return new PinnedSocket();
  }

  @Override
  public Socket createSocket(String host, int port) throws IOException {
    return connected();
  }

  @Override
  public Socket createSocket(String host, int port, InetAddress localHost, int localPort)
      throws IOException {
    return connected();
  }

  @Override
  public Socket createSocket(InetAddress host, int port) throws IOException {
    return connected();
  }

  @Override
  public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
      throws IOException {
    return connected();
  }

  private Socket connected() throws IOException {
    Socket socket = new PinnedSocket();
    socket.connect(server.socketAddress());
    return socket;
  }

  private final class PinnedSocket extends Socket {

    @Override
    public void connect(SocketAddress endpoint, int timeout) throws IOException {
      super.connect(server.socketAddress(), timeout);
    }
  }
}
