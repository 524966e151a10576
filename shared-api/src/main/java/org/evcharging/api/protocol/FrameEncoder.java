package org.evcharging.api.protocol;

/** Wraps a JSON payload into one frame: {@code STX payload ETX LRC}. */
public final class FrameEncoder {

    private FrameEncoder() {
    }

    /**
     * @throws IllegalArgumentException if the payload holds a raw STX or ETX byte: no receiver could
     *     delimit such a frame. Serialised JSON never does, since JSON escapes control characters.
     */
    public static byte[] encode(byte[] payload) {
        byte[] frame = new byte[payload.length + Framing.OVERHEAD];
        frame[0] = Framing.STX;
        int lrc = 0;
        for (int i = 0; i < payload.length; i++) {
            byte b = payload[i];
            if (b == Framing.STX || b == Framing.ETX) {
                throw new IllegalArgumentException(
                        "Payload holds a raw control byte 0x0" + b + " at offset " + i + "; it cannot be framed");
            }
            lrc ^= b;
            frame[i + 1] = b;
        }
        frame[payload.length + 1] = Framing.ETX;
        frame[payload.length + 2] = (byte) lrc;
        return frame;
    }
}
