package io.univinsight.crawler.fetch;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketTimeoutException;

import javax.net.ssl.SSLSocketFactory;

/**
 * For https, the SSRF guard on the connection itself: the JDK's HTTPS client asks this factory for
 * an unconnected socket, connects it to the address it resolved, then asks for the TLS layer on
 * top. The socket refuses to connect to a blocked address, so the address checked is exactly the
 * address connected to, whatever DNS answered in between (rebinding). TLS itself is the JDK's.
 */
public final class GuardedSslSocketFactory extends SSLSocketFactory {
    private final SSLSocketFactory tls;
    private final AddressPolicy policy;

    public GuardedSslSocketFactory(AddressPolicy policy) {
        this(policy, (SSLSocketFactory) SSLSocketFactory.getDefault());
    }

    /** With another TLS layer (tests trusting a self-signed certificate). */
    public GuardedSslSocketFactory(AddressPolicy policy, SSLSocketFactory tls) {
        this.policy = policy;
        this.tls = tls;
    }

    /** A connect to a blocked address, refused before any packet is sent. */
    public static final class BlockedAddressException extends ConnectException {
        public BlockedAddressException(String refusal) {
            super(refusal);
        }
    }

    /**
     * A plain socket that checks the address it is about to connect to, and (under TLS, which reads
     * through it) stops reading at the thread's {@link FetchDeadline}.
     */
    static final class GuardedSocket extends Socket {
        private final AddressPolicy policy;
        private volatile int configuredTimeout;
        private InputStream bounded;

        GuardedSocket(AddressPolicy policy) {
            this.policy = policy;
        }

        @Override
        public synchronized void setSoTimeout(int timeout) throws java.net.SocketException {
            configuredTimeout = timeout;
            super.setSoTimeout(timeout);
        }

        @Override
        public synchronized InputStream getInputStream() throws IOException {
            if (bounded == null) {
                bounded = new FilterInputStream(super.getInputStream()) {
                    @Override
                    public int read() throws IOException {
                        bound();
                        return super.read();
                    }

                    @Override
                    public int read(byte[] b, int off, int len) throws IOException {
                        bound();
                        return super.read(b, off, len);
                    }
                };
            }
            return bounded;
        }

        /** The next read waits no longer than the fetch has left (and no longer than the read timeout). */
        private void bound() throws IOException {
            long left = FetchDeadline.remainingMillis();
            if (left == 0) {
                throw new SocketTimeoutException("the fetch's time is spent");
            }
            int configured = configuredTimeout;
            long wait = left == Long.MAX_VALUE ? configured : configured == 0 ? left : Math.min(configured, left);
            super.setSoTimeout((int) Math.min(wait, Integer.MAX_VALUE));
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
    public Socket createSocket(Socket connected, String host, int port, boolean autoClose) throws IOException {
        return tls.createSocket(connected, host, port, autoClose);
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return wrap(new InetSocketAddress(host, port), host);
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return wrap(new InetSocketAddress(host, port), host);
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return wrap(new InetSocketAddress(host, port), host.getHostName());
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
        return wrap(new InetSocketAddress(address, port), address.getHostName());
    }

    private Socket wrap(InetSocketAddress target, String host) throws IOException {
        Socket socket = createSocket();
        socket.connect(target);
        return tls.createSocket(socket, host, target.getPort(), true);
    }

    @Override
    public String[] getDefaultCipherSuites() {
        return tls.getDefaultCipherSuites();
    }

    @Override
    public String[] getSupportedCipherSuites() {
        return tls.getSupportedCipherSuites();
    }
}
