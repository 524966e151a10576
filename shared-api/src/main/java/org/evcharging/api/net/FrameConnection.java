package org.evcharging.api.net;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.evcharging.api.protocol.FrameDecoder;
import org.evcharging.api.protocol.FrameEncoder;

/**
 * One accepted connection of a {@link FrameServer}. {@link #send} may be called from any thread:
 * writes to the socket are serialised by one lock, so frames from different threads never interleave
 * (the first implementation had no such lock, quirk 10.44).
 */
public final class FrameConnection {

    private static final Logger LOG = Logger.getLogger(FrameConnection.class.getName());

    private final FrameServer server;
    private final SocketChannel channel;
    private final SelectionKey key;
    private final String id;
    private final FrameDecoder decoder;
    private final int maxQueuedBytes;
    private final Queue<ByteBuffer> outbound = new ArrayDeque<>();
    private final AtomicBoolean open = new AtomicBoolean(true);
    private int queuedBytes;
    private volatile FrameServer.Handler handler;
    private volatile Object attachment;
    private final TlsSession tls;

    FrameConnection(FrameServer server, SocketChannel channel, SelectionKey key, int maxPayload, int maxQueuedBytes,
                    TlsSession tls) {
        this.server = server;
        this.tls = tls;
        this.channel = channel;
        this.key = key;
        this.decoder = new FrameDecoder(maxPayload);
        this.maxQueuedBytes = maxQueuedBytes;
        this.id = describe(channel);
    }

    private static String describe(SocketChannel channel) {
        try {
            InetSocketAddress remote = (InetSocketAddress) channel.getRemoteAddress();
            return remote.getHostString() + ":" + remote.getPort();
        } catch (IOException | RuntimeException e) {
            return "unknown:" + System.identityHashCode(channel);
        }
    }

    /** "ip:port" of the peer, the same connection id the first implementation logs. */
    public String id() {
        return id;
    }

    public boolean isOpen() {
        return open.get();
    }

    public Object attachment() {
        return attachment;
    }

    public void attach(Object value) {
        this.attachment = value;
    }

    /**
     * Frames and sends one JSON payload. Returns false when the connection is closed or its
     * peer has stopped reading long enough to fill the outbound queue (it is then closed).
     */
    public boolean send(byte[] jsonPayload) {
        if (!isOpen()) {
            return false;
        }
        ByteBuffer frame = ByteBuffer.wrap(FrameEncoder.encode(jsonPayload));
        try {
            synchronized (outbound) {
                if (tls == null) {
                    writeWire(frame);
                } else {
                    tls.send(frame, this::writeWire);
                }
            }
            return true;
        } catch (OutboundOverflow e) {
            LOG.warning(() -> "Closing " + id + ": peer is not reading (outbound queue over " + maxQueuedBytes + " bytes)");
            closeQuietly(null);
            return false;
        } catch (IOException e) {
            closeQuietly(e);
            return false;
        }
    }

    /** Writes bytes as they go on the wire (encrypted under TLS), queueing what the socket cannot take now. */
    private void writeWire(ByteBuffer wire) throws IOException {
        if (outbound.isEmpty()) {
            channel.write(wire);
        }
        if (!wire.hasRemaining()) {
            return;
        }
        if (queuedBytes + wire.remaining() > maxQueuedBytes) {
            throw new OutboundOverflow();
        }
        outbound.add(wire);
        queuedBytes += wire.remaining();
        key.interestOps(key.interestOps() | SelectionKey.OP_WRITE);
        key.selector().wakeup();
    }

    /** The bytes the decoder should see: the read bytes themselves, or what TLS decrypted from them. */
    ByteBuffer inbound(ByteBuffer read) throws IOException {
        if (tls == null) {
            return read;
        }
        synchronized (outbound) {
            return tls.receive(read, this::writeWire);
        }
    }

    /** True once a TLS peer has ended its session (close_notify). */
    boolean isPeerClosed() {
        return tls != null && tls.isPeerClosed();
    }

    /** True while a TLS handshake has not completed. */
    boolean isHandshaking() {
        return tls != null && !tls.isEstablished();
    }

    /** Whether the bytes of this connection are encrypted. */
    public boolean isTls() {
        return tls != null;
    }

    private static final class OutboundOverflow extends IOException {
        OutboundOverflow() {
            super("peer is not reading: outbound queue full");
        }
    }

    /** Closes the connection; the handler's onClosed runs exactly once, on the thread that closed it. */
    public void close() {
        closeQuietly(null);
    }

    void setHandler(FrameServer.Handler handler) {
        this.handler = handler;
    }

    FrameServer.Handler handler() {
        return handler;
    }

    FrameDecoder decoder() {
        return decoder;
    }

    SocketChannel channel() {
        return channel;
    }

    /** Called by the selector when the socket can take more bytes. */
    void flush() throws IOException {
        synchronized (outbound) {
            while (!outbound.isEmpty()) {
                ByteBuffer head = outbound.peek();
                int before = head.remaining();
                channel.write(head);
                queuedBytes -= before - head.remaining();
                if (head.hasRemaining()) {
                    return;
                }
                outbound.poll();
            }
            key.interestOps(key.interestOps() & ~SelectionKey.OP_WRITE);
        }
    }

    /** Marks the connection closed; returns true only for the caller that actually closed it. */
    boolean markClosed() {
        if (!open.compareAndSet(true, false)) {
            return false;
        }
        key.cancel();
        if (tls != null) {
            synchronized (outbound) {
                // Best effort, straight to the socket: whatever is still queued is dropped with the connection.
                tls.close(wire -> channel.write(wire));
            }
        }
        try {
            channel.close();
        } catch (IOException e) {
            LOG.log(Level.FINE, "Closing " + id, e);
        }
        return true;
    }

    private void closeQuietly(IOException cause) {
        server.closed(this, cause);
        key.selector().wakeup();
    }

    @Override
    public String toString() {
        return "FrameConnection[" + id + "]";
    }
}
