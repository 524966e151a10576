package org.evcharging.api.protocol;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Test helpers: frames built by hand and a listener that remembers what it heard. */
final class Frames {

    private Frames() {
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] frame(String json) {
        return FrameEncoder.encode(utf8(json));
    }

    /** The frame without its last byte, as if the LRC was lost on the way. */
    static byte[] withoutLrc(byte[] frame) {
        return Arrays.copyOf(frame, frame.length - 1);
    }

    static byte[] withWrongLrc(byte[] frame) {
        byte[] copy = frame.clone();
        copy[copy.length - 1] ^= 0x5a;
        return copy;
    }

    static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] all = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }

    /** A JSON object whose payload XORs to {@code lrc}: lets tests pick awkward LRC bytes. */
    static String jsonWithLrc(int lrc) {
        for (int pad = 0; ; pad++) {
            String head = "{\"pad\": \"" + "x".repeat(pad);
            String tail = "\"}";
            int x = Lrc.of(utf8(head + tail)) & 0xff;
            int last = x ^ (lrc & 0xff);
            if (last >= 0x20 && last < 0x7f && last != '"' && last != '\\') {
                return head + (char) last + tail;
            }
        }
    }

    static final class Collector implements FrameListener {
        final List<String> frames = new ArrayList<>();
        final List<FrameRejection> rejections = new ArrayList<>();

        @Override
        public void onFrame(byte[] payload) {
            frames.add(new String(payload, StandardCharsets.UTF_8));
        }

        @Override
        public void onRejected(FrameRejection rejection) {
            rejections.add(rejection);
        }

        List<FrameRejection.Reason> reasons() {
            return rejections.stream().map(FrameRejection::reason).toList();
        }
    }
}
