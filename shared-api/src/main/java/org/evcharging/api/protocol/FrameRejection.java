package org.evcharging.api.protocol;

import java.util.Objects;

/**
 * Why a would-be frame was dropped.
 *
 * @param reason what was wrong
 * @param detail human-readable explanation, fit for a log line
 * @param droppedBytes bytes of that frame given up at the moment of rejection (bytes skipped
 *     afterwards while hunting for the next STX are counted by {@link FrameDecoder#discardedBytes()})
 */
public record FrameRejection(Reason reason, String detail, int droppedBytes) {

    public enum Reason {
        /** The LRC byte did not match the XOR of the payload. */
        BAD_LRC,
        /** The payload grew past the decoder's cap before its ETX arrived. */
        OVERSIZE,
        /** A new STX arrived before the ETX of the frame in progress. */
        TRUNCATED
    }

    public FrameRejection {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(detail, "detail");
    }
}
