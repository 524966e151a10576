package org.evcharging.api.protocol;

import java.util.Objects;

/** Longitudinal redundancy check of the wire format: the XOR of the payload bytes (§2.3). */
public final class Lrc {

    private Lrc() {
    }

    public static byte of(byte[] data) {
        return of(data, 0, data.length);
    }

    public static byte of(byte[] data, int off, int len) {
        Objects.checkFromIndexSize(off, len, data.length);
        int lrc = 0;
        for (int i = off, end = off + len; i < end; i++) {
            lrc ^= data[i];
        }
        return (byte) lrc;
    }
}
