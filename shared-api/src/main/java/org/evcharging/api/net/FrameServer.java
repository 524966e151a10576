package org.evcharging.api.net;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.Iterator;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;

import org.evcharging.api.protocol.FrameListener;
import org.evcharging.api.protocol.FrameRejection;

/**
 * A TCP server for {@code STX JSON ETX LRC} frames: one selector thread for every connection,
 * so thousands of monitors cost no thread each, and one {@link Handler} per connection
 * (Netty style: the codec is separate from the handler). A handler that throws is logged and
 * its connection closed; no other connection is affected.
 */
public final class FrameServer implements Runnable, Closeable {

    private static final Logger LOG = Logger.getLogger(FrameServer.class.getName());

    /** Receives one connection's events. Called on the selector thread: hand slow work to an executor. */
    public interface Handler {
        void onFrame(FrameConnection connection, byte[] payload);

        /** A frame that could not be delimited or failed its LRC; the connection stays usable. */
        default void onRejected(FrameConnection connection, FrameRejection rejection) {
            LOG.warning(() -> "Rejected frame from " + connection.id() + ": " + rejection);
        }

        /** The connection ended: {@code cause} is null for an orderly close. Called exactly once. */
        default void onClosed(FrameConnection connection, IOException cause) {
        }
    }

    @FunctionalInterface
    public interface HandlerFactory {
        Handler open(FrameConnection connection);
    }

    private final InetSocketAddress bindAddress;
    private final int maxPayload;
    private final int maxQueuedBytes;
    private final HandlerFactory handlers;
    private final ByteBuffer readBuffer = ByteBuffer.allocateDirect(64 * 1024);
    private final AtomicInteger connections = new AtomicInteger();
    private Selector selector;
    private ServerSocketChannel serverChannel;
    private volatile boolean running;
    private SSLContext tls;

    public FrameServer(InetSocketAddress bindAddress, int maxPayload, int maxQueuedBytes, HandlerFactory handlers) {
        this.bindAddress = bindAddress;
        this.maxPayload = maxPayload;
        this.maxQueuedBytes = maxQueuedBytes;
        this.handlers = handlers;
    }

    /** Speaks TLS with this context's key on every connection (before {@link #bind}). */
    public FrameServer withTls(SSLContext context) {
        this.tls = context;
        return this;
    }

    public boolean isTls() {
        return tls != null;
    }

    /** Binds now, so that a taken port fails the caller at once instead of inside the loop thread. */
    public synchronized FrameServer bind() throws IOException {
        selector = Selector.open();
        serverChannel = ServerSocketChannel.open();
        serverChannel.setOption(StandardSocketOptions.SO_REUSEADDR, true);
        try {
            serverChannel.bind(bindAddress, 1024);
        } catch (IOException e) {
            serverChannel.close();
            selector.close();
            throw new IOException("Cannot listen on " + bindAddress + ": " + e.getMessage(), e);
        }
        serverChannel.configureBlocking(false);
        serverChannel.register(selector, SelectionKey.OP_ACCEPT);
        running = true;
        return this;
    }

    public int localPort() {
        return serverChannel.socket().getLocalPort();
    }

    /** True while the loop accepts connections. */
    public boolean isListening() {
        return running && serverChannel != null && serverChannel.isOpen();
    }

    public int connectionCount() {
        return connections.get();
    }

    @Override
    public void run() {
        try {
            while (running) {
                selector.select();
                Iterator<SelectionKey> keys = selector.selectedKeys().iterator();
                while (keys.hasNext()) {
                    SelectionKey key = keys.next();
                    keys.remove();
                    handle(key);
                }
            }
        } catch (IOException | ClosedSelectorException e) {
            if (running) {
                LOG.log(Level.SEVERE, "Frame server on " + bindAddress + " stopped", e);
            }
        } finally {
            running = false;
            closeAll();
        }
    }

    private void handle(SelectionKey key) {
        if (!key.isValid()) {
            return;
        }
        if (key.isAcceptable()) {
            accept();
            return;
        }
        FrameConnection connection = (FrameConnection) key.attachment();
        try {
            if (key.isWritable()) {
                connection.flush();
            }
            if (key.isValid() && key.isReadable()) {
                read(connection);
            }
        } catch (SSLException e) {
            // A wrong certificate or a plain client on a TLS port: this peer only; the others go on.
            String what = connection.isHandshaking() ? "TLS handshake with " : "TLS session with ";
            LOG.warning(() -> what + connection.id() + " failed: " + e.getMessage());
            closed(connection, e);
        } catch (IOException e) {
            closed(connection, e);
        } catch (VirtualMachineError e) {
            throw e;
        } catch (RuntimeException | Error e) {
            // One broken handler (even a StackOverflowError) must not end the loop that serves everyone.
            LOG.log(Level.SEVERE, "Handler of " + connection.id() + " failed; closing that connection only", e);
            closed(connection, null);
        }
    }

    private void accept() {
        try {
            SocketChannel channel = serverChannel.accept();
            if (channel == null) {
                return;
            }
            channel.configureBlocking(false);
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            channel.setOption(StandardSocketOptions.SO_KEEPALIVE, true);
            SelectionKey key = channel.register(selector, SelectionKey.OP_READ);
            FrameConnection connection = new FrameConnection(this, channel, key, maxPayload, maxQueuedBytes,
                    tls == null ? null : new TlsSession(serverEngine()));
            key.attach(connection);
            connections.incrementAndGet();
            connection.setHandler(handlers.open(connection));
        } catch (IOException e) {
            // e.g. too many open files: this one peer fails, the server goes on.
            LOG.log(Level.WARNING, "Could not accept a connection on " + bindAddress, e);
        }
    }

    private SSLEngine serverEngine() {
        SSLEngine engine = tls.createSSLEngine();
        engine.setUseClientMode(false);
        return engine;
    }

    private void read(FrameConnection connection) throws IOException {
        readBuffer.clear();
        int n = connection.channel().read(readBuffer);
        if (n < 0) {
            closed(connection, null);
            return;
        }
        readBuffer.flip();
        ByteBuffer bytes = connection.inbound(readBuffer);
        Handler handler = connection.handler();
        connection.decoder().feed(bytes, new FrameListener() {
            @Override
            public void onFrame(byte[] payload) {
                handler.onFrame(connection, payload);
            }

            @Override
            public void onRejected(FrameRejection rejection) {
                handler.onRejected(connection, rejection);
            }
        });
        if (connection.isPeerClosed()) {
            closed(connection, null);
        }
    }

    /** The one close path, whoever notices first (selector, a failed write, the owner). */
    void closed(FrameConnection connection, IOException cause) {
        if (connection.markClosed()) {
            connections.decrementAndGet();
            Handler handler = connection.handler();
            if (handler != null) {
                handler.onClosed(connection, cause);
            }
        }
    }

    private void closeAll() {
        try {
            if (selector.isOpen()) {
                for (SelectionKey key : selector.keys()) {
                    if (key.attachment() instanceof FrameConnection connection) {
                        closed(connection, null);
                    }
                }
                selector.close();
            }
            serverChannel.close();
        } catch (IOException | ClosedSelectorException e) {
            LOG.log(Level.FINE, "Closing frame server", e);
        }
    }

    /** Stops accepting, closes every connection (peers see an orderly close) and ends {@link #run}. */
    @Override
    public void close() {
        running = false;
        if (selector != null) {
            selector.wakeup();
        }
    }
}
