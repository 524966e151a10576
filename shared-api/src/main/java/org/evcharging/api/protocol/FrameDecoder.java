package org.evcharging.api.protocol;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Objects;

import org.evcharging.api.protocol.FrameRejection.Reason;

/**
 * Streaming decoder for one connection: feed it the bytes as they arrive, split anywhere, and it
 * reports every complete frame in order. Not thread-safe.
 *
 * <p>It reads each byte once (a small state machine instead of the first implementation's
 * re-scan of the whole buffer) and holds at most one payload of at most {@code maxPayload} bytes.
 * Recovery relies on one fact: well-formed JSON never contains a raw STX or ETX, so an STX inside
 * a payload can only be the start of a new frame.
 *
 * <p>No input makes {@code feed} throw. An exception thrown by the listener propagates to the
 * caller; the decoder stays consistent, but the rest of that chunk is not read.
 */
public final class FrameDecoder {

    private enum State { HUNTING, IN_PAYLOAD, AWAITING_LRC }

    private static final int INITIAL_CAPACITY = 512;
    private static final int DIRECT_CHUNK = 8192;

    private final int maxPayload;
    private byte[] payload;
    private int size;
    private int lrc;
    private State state = State.HUNTING;
    private long discardedBytes;
    private byte[] directChunk;

    public FrameDecoder() {
        this(Framing.DEFAULT_MAX_PAYLOAD);
    }

    /** @param maxPayload largest payload accepted, in bytes; a longer one is rejected as OVERSIZE */
    public FrameDecoder(int maxPayload) {
        if (maxPayload < 1) {
            throw new IllegalArgumentException("maxPayload must be positive: " + maxPayload);
        }
        this.maxPayload = maxPayload;
        this.payload = new byte[Math.min(INITIAL_CAPACITY, maxPayload)];
    }

    public void feed(byte[] data, int off, int len, FrameListener listener) {
        Objects.checkFromIndexSize(off, len, data.length);
        Objects.requireNonNull(listener, "listener");
        int i = off;
        int end = off + len;
        while (i < end) {
            i = switch (state) {
                case HUNTING -> hunt(data, i, end);
                case IN_PAYLOAD -> readPayload(data, i, end, listener);
                case AWAITING_LRC -> checkLrc(data[i], listener, i + 1);
            };
        }
    }

    /** Consumes every remaining byte of {@code buffer}. */
    public void feed(ByteBuffer buffer, FrameListener listener) {
        if (buffer.hasArray()) {
            int start = buffer.arrayOffset() + buffer.position();
            int len = buffer.remaining();
            buffer.position(buffer.limit());
            feed(buffer.array(), start, len, listener);
            return;
        }
        if (directChunk == null) {
            directChunk = new byte[DIRECT_CHUNK];
        }
        while (buffer.hasRemaining()) {
            int len = Math.min(directChunk.length, buffer.remaining());
            buffer.get(directChunk, 0, len);
            feed(directChunk, 0, len, listener);
        }
    }

    /** Bytes skipped outside any frame (garbage before an STX, the tail of an oversize frame). */
    public long discardedBytes() {
        return discardedBytes;
    }

    /** Payload bytes held for the frame in progress; never more than the cap. */
    public int bufferedBytes() {
        return state == State.HUNTING ? 0 : size;
    }

    public int maxPayload() {
        return maxPayload;
    }

    private int hunt(byte[] data, int from, int end) {
        int i = from;
        while (i < end && data[i] != Framing.STX) {
            i++;
        }
        discardedBytes += i - from;
        if (i == end) {
            return end;
        }
        beginFrame();
        return i + 1;
    }

    private int readPayload(byte[] data, int from, int end, FrameListener listener) {
        int room = maxPayload - size;
        // Scanning one byte past the room is enough to tell "too long" from "exactly full".
        int scanEnd = (int) Math.min(end, (long) from + room + 1);
        int x = lrc;
        int i = from;
        while (i < scanEnd) {
            byte b = data[i];
            if (b == Framing.STX || b == Framing.ETX) {
                break;
            }
            x ^= b;
            i++;
        }
        int read = i - from;
        if (read > room) {
            int dropped = 1 + size + read;
            state = State.HUNTING;
            listener.onRejected(new FrameRejection(Reason.OVERSIZE,
                    "payload exceeds the " + maxPayload + "-byte cap; skipping to the next STX", dropped));
            return i;
        }
        append(data, from, read);
        lrc = x;
        if (i == end) {
            return end;
        }
        if (data[i] == Framing.ETX) {
            state = State.AWAITING_LRC;
            return i + 1;
        }
        int dropped = 1 + size;
        beginFrame();
        listener.onRejected(new FrameRejection(Reason.TRUNCATED,
                "a new STX arrived after " + (dropped - 1) + " payload bytes, before the ETX", dropped));
        return i + 1;
    }

    private int checkLrc(byte received, FrameListener listener, int next) {
        if (received == (byte) lrc) {
            byte[] frame = Arrays.copyOf(payload, size);
            state = State.HUNTING;
            listener.onFrame(frame);
            return next;
        }
        String detail = String.format("LRC mismatch on a %d-byte payload: computed 0x%02x, received 0x%02x",
                size, lrc & 0xff, received & 0xff);
        int dropped = size + 2;
        // Rescanning from the byte after the bad frame's STX would find no STX in its payload (it
        // would have been TRUNCATED) nor in its ETX, so the "LRC" byte is the first candidate: if a
        // frame lost its LRC, that byte is the next frame's STX and must not be eaten.
        if (received == Framing.STX) {
            beginFrame();
        } else {
            state = State.HUNTING;
            dropped++;
        }
        listener.onRejected(new FrameRejection(Reason.BAD_LRC, detail, dropped));
        return next;
    }

    private void beginFrame() {
        state = State.IN_PAYLOAD;
        size = 0;
        lrc = 0;
    }

    private void append(byte[] data, int from, int len) {
        int needed = size + len;
        if (needed > payload.length) {
            int grown = (int) Math.min(maxPayload, Math.max(needed, 2L * payload.length));
            payload = Arrays.copyOf(payload, grown);
        }
        System.arraycopy(data, from, payload, size, len);
        size = needed;
    }
}
