package it.org.evcharging.central.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;

/** The one selector loop step of the benchmark swarms: every ready connection connects, reads, then flushes. */
final class SwarmSelector {

    /** A simulated connection attached to its selection key. */
    interface Connection {

        void read() throws IOException;

        void flush() throws IOException;

        /** A non-blocking connect finished (or failed): only connections that asked for OP_CONNECT hear it. */
        default void finishConnect() throws IOException {
        }
    }

    private SwarmSelector() {
    }

    /**
     * Reads what the socket holds into {@code buffer}, flipped for decoding; false when the peer
     * closed the connection or the read failed (the simulated client then treats its link as lost).
     */
    static boolean readAvailable(SocketChannel channel, ByteBuffer buffer) {
        buffer.clear();
        int n;
        try {
            n = channel.read(buffer);
        } catch (IOException e) {
            n = -1;
        }
        buffer.flip();
        return n >= 0;
    }

    /** Waits up to {@code timeoutMs} (0: not at all) and serves every connection that is ready. */
    static void pump(Selector selector, long timeoutMs) throws IOException {
        if (timeoutMs == 0) {
            selector.selectNow();
        } else {
            selector.select(timeoutMs);
        }
        for (SelectionKey key : selector.selectedKeys()) {
            Connection connection = (Connection) key.attachment();
            if (key.isValid() && key.isConnectable()) {
                connection.finishConnect();
            }
            if (key.isValid() && key.isReadable()) {
                connection.read();
            }
            if (key.isValid() && key.isWritable()) {
                connection.flush();
            }
        }
        selector.selectedKeys().clear();
    }
}
