package org.evcharging.api.protocol;

/** The control bytes and limits of a frame. */
public final class Framing {

    /** Start of text: opens every frame. */
    public static final byte STX = 0x02;

    /** End of text: closes the payload; the LRC byte follows it. */
    public static final byte ETX = 0x03;

    /** Bytes a frame adds around its payload: STX, ETX and the LRC. */
    public static final int OVERHEAD = 3;

    /**
     * Largest payload a decoder accepts unless told otherwise. Real messages are below 1 KiB and
     * the biggest (a long history or CP list) a few KiB; the cap keeps a peer that never sends ETX
     * from growing our memory.
     */
    public static final int DEFAULT_MAX_PAYLOAD = 64 * 1024;

    private Framing() {
    }
}
