package org.evcharging.agent.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import org.awaitility.Awaitility;
import org.evcharging.agent.config.HostPort;
import org.evcharging.api.message.MessageCodec;
import org.evcharging.api.message.WireMessage;
import org.evcharging.api.protocol.FrameDecoder;
import org.evcharging.api.protocol.FrameEncoder;
import org.evcharging.api.protocol.FrameListener;
import org.evcharging.api.protocol.FrameRejection;

/**
 * A bare Monitor-side socket for protocol tests: sends messages or raw bytes (garbage included),
 * and keeps every message it receives.
 */
public final class FrameTestClient implements AutoCloseable {

    private final List<WireMessage> received = new CopyOnWriteArrayList<>();
    private final Socket socket;
    private final OutputStream out;
    private volatile boolean open = true;

    public FrameTestClient(HostPort address) {
        try {
            socket = new Socket(address.host(), address.port());
            out = socket.getOutputStream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread reader = new Thread(this::read, "test-client-reader");
        reader.setDaemon(true);
        reader.start();
    }

    public void send(WireMessage message) {
        sendRaw(FrameEncoder.encode(MessageCodec.toBytes(message)));
    }

    /** Writes bytes as they are, framed or not. */
    public synchronized void sendRaw(byte[] bytes) {
        try {
            out.write(bytes);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public <T extends WireMessage> List<T> received(Class<T> type) {
        return received.stream().filter(type::isInstance).map(type::cast).toList();
    }

    public <T extends WireMessage> T await(Class<T> type, Predicate<T> match) {
        Awaitility.await(type.getSimpleName() + " from the Engine").atMost(Duration.ofSeconds(10))
                .until(() -> received(type).stream().anyMatch(match));
        return received(type).stream().filter(match).findFirst().orElseThrow();
    }

    /** The reply whose message_id is {@code messageId}. */
    public <T extends WireMessage> T reply(Class<T> type, String messageId) {
        return await(type, m -> messageId.equals(m.messageId()));
    }

    public boolean isOpen() {
        return open;
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // closing anyway
        }
    }

    private void read() {
        FrameDecoder decoder = new FrameDecoder();
        FrameListener listener = new FrameListener() {
            @Override
            public void onFrame(byte[] payload) {
                MessageCodec.parse(payload).messageAs(WireMessage.class).ifPresent(received::add);
            }

            @Override
            public void onRejected(FrameRejection rejection) {
                throw new AssertionError("The Engine sent a bad frame: " + rejection);
            }
        };
        byte[] buffer = new byte[8192];
        try (InputStream in = socket.getInputStream()) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                decoder.feed(buffer, 0, n, listener);
            }
        } catch (IOException e) {
            // the socket was closed
        } finally {
            open = false;
        }
    }
}
