package org.evcharging.api.net;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.Queue;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSession;

/**
 * The TLS layer of one {@link FrameConnection}: it sits between the socket and the frame decoder,
 * so the decoder and the handler never know whether the bytes were encrypted (codec separate from
 * handler). Not thread-safe: the connection calls it with its outbound lock held.
 */
final class TlsSession {

    /** Where encrypted bytes go: the connection's socket write or its outbound queue. */
    interface Wire {
        void write(ByteBuffer encrypted) throws IOException;
    }

    private static final ByteBuffer EMPTY = ByteBuffer.allocate(0);

    private final SSLEngine engine;
    private final Queue<ByteBuffer> heldUntilHandshake = new ArrayDeque<>();
    private ByteBuffer netIn;
    private ByteBuffer appIn;
    private boolean established;
    private boolean peerClosed;

    TlsSession(SSLEngine engine) throws SSLException {
        this.engine = engine;
        SSLSession session = engine.getSession();
        this.netIn = ByteBuffer.allocate(session.getPacketBufferSize());
        this.appIn = ByteBuffer.allocate(session.getApplicationBufferSize());
        engine.beginHandshake();
    }

    boolean isEstablished() {
        return established;
    }

    /** The peer sent close_notify: an orderly end, like a plain socket's end of stream. */
    boolean isPeerClosed() {
        return peerClosed;
    }

    /** Encrypts application bytes; before the handshake ends they are held and sent when it does. */
    void send(ByteBuffer plain, Wire wire) throws IOException {
        if (!established) {
            ByteBuffer copy = ByteBuffer.allocate(plain.remaining());
            copy.put(plain).flip();
            heldUntilHandshake.add(copy);
            return;
        }
        wire.write(wrap(plain));
    }

    /**
     * Takes bytes read from the socket, answers the handshake through {@code wire} and returns the
     * decrypted application bytes (possibly none). A failed handshake throws with the peer's reason.
     */
    ByteBuffer receive(ByteBuffer encrypted, Wire wire) throws IOException {
        netIn = ensureRoom(netIn, encrypted.remaining());
        netIn.put(encrypted);
        netIn.flip();
        ByteBuffer plain = ByteBuffer.allocate(0);
        try {
            while (true) {
                HandshakeStatus status = engine.getHandshakeStatus();
                if (status == HandshakeStatus.NEED_TASK) {
                    // Certificate checks: run inline, a handshake is rare next to the frames it protects.
                    for (Runnable task; (task = engine.getDelegatedTask()) != null; ) {
                        task.run();
                    }
                    continue;
                }
                if (status == HandshakeStatus.NEED_WRAP) {
                    wire.write(wrap(EMPTY));
                    if (engine.isOutboundDone()) {
                        break;
                    }
                    continue;
                }
                if (!netIn.hasRemaining()) {
                    break;
                }
                SSLEngineResult result = engine.unwrap(netIn, appIn);
                if (result.getStatus() == SSLEngineResult.Status.BUFFER_UNDERFLOW) {
                    break;
                }
                if (result.getStatus() == SSLEngineResult.Status.BUFFER_OVERFLOW) {
                    appIn = grow(appIn, engine.getSession().getApplicationBufferSize());
                    continue;
                }
                if (result.getStatus() == SSLEngineResult.Status.CLOSED) {
                    peerClosed = true;
                    break;
                }
                noteFinished(result.getHandshakeStatus());
                appIn.flip();
                plain = append(plain, appIn);
                appIn.clear();
            }
        } catch (SSLException e) {
            sendAlert(wire);
            throw e;
        } finally {
            netIn.compact();
        }
        if (!peerClosed && engine.getHandshakeStatus() == HandshakeStatus.NOT_HANDSHAKING) {
            established = true;
        }
        flushHeld(wire);
        return plain;
    }

    private ByteBuffer wrap(ByteBuffer plain) throws IOException {
        ByteBuffer out = ByteBuffer.allocate(engine.getSession().getPacketBufferSize());
        do {
            SSLEngineResult result = engine.wrap(plain, out);
            switch (result.getStatus()) {
                case BUFFER_OVERFLOW -> out = grow(out, engine.getSession().getPacketBufferSize());
                case CLOSED -> {
                    out.flip();
                    return out;
                }
                default -> noteFinished(result.getHandshakeStatus());
            }
        } while (plain.hasRemaining());
        out.flip();
        return out;
    }

    // TLS 1.2 servers finish on their own Finished message (a wrap), TLS 1.3 ones on the client's (an unwrap).
    private void noteFinished(HandshakeStatus status) {
        if (status == HandshakeStatus.FINISHED) {
            established = true;
        }
    }

    private void flushHeld(Wire wire) throws IOException {
        if (!established) {
            return;
        }
        for (ByteBuffer held; (held = heldUntilHandshake.poll()) != null; ) {
            wire.write(wrap(held));
        }
    }

    /** Ends the session politely (close_notify), so the peer sees an orderly close rather than a truncation. */
    void close(Wire wire) {
        sendAlert(wire);
    }

    private void sendAlert(Wire wire) {
        try {
            engine.closeOutbound();
            while (engine.getHandshakeStatus() == HandshakeStatus.NEED_WRAP || !engine.isOutboundDone()) {
                ByteBuffer alert = ByteBuffer.allocate(engine.getSession().getPacketBufferSize());
                SSLEngineResult result = engine.wrap(EMPTY, alert);
                alert.flip();
                if (alert.hasRemaining()) {
                    wire.write(alert);
                }
                if (result.getStatus() == SSLEngineResult.Status.CLOSED || result.bytesProduced() == 0) {
                    break;
                }
            }
        } catch (IOException | RuntimeException e) {
            // Only a courtesy to the peer: the connection closes either way.
        }
    }

    private static ByteBuffer ensureRoom(ByteBuffer buffer, int more) {
        if (buffer.remaining() >= more) {
            return buffer;
        }
        ByteBuffer bigger = ByteBuffer.allocate(buffer.position() + more);
        buffer.flip();
        return bigger.put(buffer);
    }

    private static ByteBuffer grow(ByteBuffer buffer, int atLeast) {
        ByteBuffer bigger = ByteBuffer.allocate(buffer.capacity() + atLeast);
        buffer.flip();
        return bigger.put(buffer);
    }

    private static ByteBuffer append(ByteBuffer first, ByteBuffer more) {
        if (!more.hasRemaining()) {
            return first;
        }
        ByteBuffer joined = ByteBuffer.allocate(first.remaining() + more.remaining());
        joined.put(first).put(more).flip();
        return joined;
    }
}
