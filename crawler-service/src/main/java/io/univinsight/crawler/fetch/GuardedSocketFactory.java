package io.univinsight.crawler.fetch;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;

import javax.net.SocketFactory;

/**
 * The SSRF guard on the connection itself: the HTTP client asks this factory for an unconnected
 * socket and connects it to the address it resolved (for https it then layers TLS over that same
 * socket). The socket refuses to connect to a blocked address, so the address checked is exactly
 * the address connected to, whatever DNS answered between the guard's lookup and the connect
 * (rebinding), for http and https alike.
 */
final class GuardedSocketFactory extends SocketFactory {
    private final AddressPolicy policy;

    GuardedSocketFactory(AddressPolicy policy) {
        this.policy = policy;
    }

    /** A connect to a blocked address, refused before any packet is sent. */
    public static final class BlockedAddressException extends ConnectException {
        BlockedAddressException(String refusal) {
            super(refusal);
        }
    }

    /** A plain socket that checks the address it is about to connect to. */
    private static final class GuardedSocket extends Socket {
        private final AddressPolicy policy;

        GuardedSocket(AddressPolicy policy) {
            this.policy = policy;
        }

        @Override
        public void connect(SocketAddress endpoint, int timeout) throws IOException {
            if (endpoint instanceof InetSocketAddress target) {
                InetAddress address = target.getAddress();
                if (address == null) {
                    throw new BlockedAddressException("unresolved address " + target.getHostString());
                }
                String refusal = policy.refusal(address);
                if (refusal != null) {
                    throw new BlockedAddressException(refusal);
                }
            }
            super.connect(endpoint, timeout);
        }
    }

    @Override
    public Socket createSocket() {
        return new GuardedSocket(policy);
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return connected(new InetSocketAddress(host, port));
    }

    /** The local address asked for is not bound: the guard only cares where the socket goes. */
    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return createSocket(host, port);
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return connected(new InetSocketAddress(host, port));
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
        return createSocket(address, port);
    }

    private Socket connected(InetSocketAddress target) throws IOException {
        Socket socket = createSocket();
        socket.connect(target);
        return socket;
    }
}
