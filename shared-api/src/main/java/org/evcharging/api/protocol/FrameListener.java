package org.evcharging.api.protocol;

/** Receives what a {@link FrameDecoder} finds, on the thread that feeds it. */
public interface FrameListener {

    /** One frame whose LRC matched; the array is a fresh copy owned by the listener. */
    void onFrame(byte[] payload);

    /** Bytes that looked like a frame but had to be dropped; the decoder has already resynchronised. */
    void onRejected(FrameRejection rejection);
}
