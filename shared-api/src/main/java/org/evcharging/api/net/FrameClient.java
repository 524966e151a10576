package org.evcharging.api.net;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

import org.evcharging.api.protocol.FrameDecoder;
import org.evcharging.api.protocol.FrameEncoder;
import org.evcharging.api.protocol.FrameListener;
import org.evcharging.api.protocol.FrameRejection;

/**
 * A blocking client connection for {@code STX JSON ETX LRC} frames, with one reader thread.
 * Every loss (orderly close, reset, oversize garbage) closes the socket and is reported once
 * through {@link Listener#onClosed}, so the owner can always reconnect cleanly (quirk 10.11).
 */
public final class FrameClient implements Closeable {

    private static final Logger LOG = Logger.getLogger(FrameClient.class.getName());

    public interface Listener {
        void onFrame(byte[] payload);

        default void onRejected(FrameRejection rejection) {
            LOG.warning(() -> "Rejected frame: " + rejection);
        }

        /** Called once when the connection ends; {@code cause} is null after {@link #close()} or an orderly close. */
        void onClosed(IOException cause);
    }

    private final Socket socket;
    private final OutputStream out;
    private final Listener listener;
    private final FrameDecoder decoder;
    private final AtomicBoolean open = new AtomicBoolean(true);
    private final String peer;

    private FrameClient(Socket socket, Listener listener, int maxPayload) throws IOException {
        this.socket = socket;
        this.out = socket.getOutputStream();
        this.listener = listener;
        this.decoder = new FrameDecoder(maxPayload);
        this.peer = socket.getInetAddress().getHostAddress() + ":" + socket.getPort();
    }

    /** Connects within {@code timeout} and starts the reader thread from {@code threads}. */
    public static FrameClient connect(InetSocketAddress address, Duration timeout, int maxPayload,
                                      Listener listener, ThreadFactory threads) throws IOException {
        return connect(address, timeout, maxPayload, listener, threads, null);
    }

    /**
     * Like {@link #connect(InetSocketAddress, Duration, int, Listener, ThreadFactory)}, over TLS when
     * {@code tls} is given: the server's certificate must chain to the context's trusted CAs and name
     * the host we dialled, or the connection fails here with the reason.
     */
    public static FrameClient connect(InetSocketAddress address, Duration timeout, int maxPayload,
                                      Listener listener, ThreadFactory threads, SSLContext tls) throws IOException {
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.setKeepAlive(true);
            socket.connect(address, (int) timeout.toMillis());
            if (tls != null) {
                socket = handshake(socket, address, timeout, tls);
            }
        } catch (IOException e) {
            socket.close();
            throw e;
        }
        FrameClient client = new FrameClient(socket, listener, maxPayload);
        Thread reader = threads.newThread(client::readLoop);
        reader.setName("frame-reader-" + address.getHostString() + ":" + address.getPort());
        reader.setDaemon(true);
        reader.start();
        return client;
    }

    private static Socket handshake(Socket plain, InetSocketAddress address, Duration timeout, SSLContext tls)
            throws IOException {
        SSLSocket socket = (SSLSocket) tls.getSocketFactory()
                .createSocket(plain, address.getHostString(), address.getPort(), true);
        SSLParameters parameters = socket.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        socket.setSSLParameters(parameters);
        try {
            socket.setSoTimeout((int) timeout.toMillis());
            socket.startHandshake();
            socket.setSoTimeout(0);
            return socket;
        } catch (SSLException e) {
            socket.close();
            throw new SSLHandshakeException("TLS handshake with " + address.getHostString() + ":" + address.getPort()
                    + " failed (is its certificate signed by the CA we trust and issued for this host name?): "
                    + rootMessage(e));
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == e ? String.valueOf(e.getMessage()) : e.getMessage() + " (" + root.getMessage() + ")";
    }

    /** Sends one JSON payload as a frame; safe from any thread. */
    public void send(byte[] jsonPayload) throws IOException {
        byte[] frame = FrameEncoder.encode(jsonPayload);
        synchronized (out) {
            if (!isOpen()) {
                throw new IOException("Connection to " + peer + " is closed");
            }
            try {
                out.write(frame);
                out.flush();
            } catch (IOException e) {
                closeWith(e);
                throw e;
            }
        }
    }

    public boolean isOpen() {
        return open.get();
    }

    public String peer() {
        return peer;
    }

    @Override
    public void close() {
        closeWith(null);
    }

    private void readLoop() {
        byte[] buffer = new byte[8192];
        FrameListener frames = new FrameListener() {
            @Override
            public void onFrame(byte[] payload) {
                listener.onFrame(payload);
            }

            @Override
            public void onRejected(FrameRejection rejection) {
                listener.onRejected(rejection);
            }
        };
        try (InputStream in = socket.getInputStream()) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                decoder.feed(buffer, 0, n, frames);
            }
            closeWith(null);
        } catch (IOException e) {
            closeWith(isOpen() ? e : null);
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Listener of " + peer + " failed; closing the connection", e);
            closeWith(new IOException("listener failed: " + e, e));
        }
    }

    private void closeWith(IOException cause) {
        if (!open.compareAndSet(true, false)) {
            return;
        }
        try {
            socket.close();
        } catch (IOException e) {
            LOG.log(Level.FINE, "Closing " + peer, e);
        }
        listener.onClosed(cause);
    }
}
