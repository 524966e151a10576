package org.evcharging.api.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.evcharging.api.protocol.FrameRejection.Reason.BAD_LRC;
import static org.evcharging.api.protocol.FrameRejection.Reason.OVERSIZE;
import static org.evcharging.api.protocol.FrameRejection.Reason.TRUNCATED;
import static org.evcharging.api.protocol.Frames.concat;
import static org.evcharging.api.protocol.Frames.frame;
import static org.evcharging.api.protocol.Frames.jsonWithLrc;
import static org.evcharging.api.protocol.Frames.utf8;
import static org.evcharging.api.protocol.Frames.withWrongLrc;
import static org.evcharging.api.protocol.Frames.withoutLrc;

import java.nio.ByteBuffer;
import java.util.Arrays;

import org.evcharging.api.protocol.Frames.Collector;
import org.junit.jupiter.api.Test;

class FrameDecoderTest {

    private static final String A = "{\"type\": \"heartbeat_request\", \"message_id\": \"m1\", \"id\": \"cp_001\"}";
    private static final String B = "{\"type\": \"x\", \"info\": \"€ ñ\"}";
    private static final String C = "{\"c\": 3}";

    private final FrameDecoder decoder = new FrameDecoder();
    private final Collector heard = new Collector();

    private void feed(byte[] bytes) {
        decoder.feed(bytes, 0, bytes.length, heard);
    }

    @Test
    void deliversAFrameFedWhole() {
        feed(frame(A));

        assertThat(heard.frames).containsExactly(A);
        assertThat(heard.rejections).isEmpty();
        assertThat(decoder.bufferedBytes()).isZero();
    }

    @Test
    void deliversFramesSplitAtEveryPossiblePoint() {
        byte[] stream = concat(frame(A), frame(B));
        for (int cut = 0; cut <= stream.length; cut++) {
            FrameDecoder fresh = new FrameDecoder();
            Collector collector = new Collector();

            fresh.feed(stream, 0, cut, collector);
            fresh.feed(stream, cut, stream.length - cut, collector);

            assertThat(collector.frames).as("cut at %d", cut).containsExactly(A, B);
        }
    }

    @Test
    void deliversFramesFedOneByteAtATime() {
        byte[] stream = concat(frame(A), frame(B), frame(C));
        for (int i = 0; i < stream.length; i++) {
            decoder.feed(stream, i, 1, heard);
        }

        assertThat(heard.frames).containsExactly(A, B, C);
    }

    @Test
    void discardsGarbageBeforeAnStxSilentlyAndCountsIt() {
        feed(concat(utf8("noise\u0003\u0003}{"), frame(A), new byte[] {(byte) 0xff, 0x03}, frame(B)));

        assertThat(heard.frames).containsExactly(A, B);
        assertThat(heard.rejections).isEmpty();
        assertThat(decoder.discardedBytes()).isEqualTo("noise\u0003\u0003}{".length() + 2);
    }

    @Test
    void restartsAtAnStxThatArrivesBeforeTheEtx() {
        byte[] cut = Arrays.copyOf(frame(A), 20);

        feed(concat(cut, frame(B)));

        assertThat(heard.frames).containsExactly(B);
        assertThat(heard.reasons()).containsExactly(TRUNCATED);
        assertThat(heard.rejections.get(0).droppedBytes()).isEqualTo(20);
    }

    @Test
    void recoversAFrameBehindAStrayStx() {
        feed(concat(new byte[] {Framing.STX}, frame(A)));

        assertThat(heard.frames).containsExactly(A);
        assertThat(heard.reasons()).containsExactly(TRUNCATED);
    }

    @Test
    void dropsABadLrcFrameAndDeliversTheNextInTheSameFeed() {
        feed(concat(withWrongLrc(frame(A)), frame(B), frame(C)));

        assertThat(heard.frames).containsExactly(B, C);
        assertThat(heard.reasons()).containsExactly(BAD_LRC);
        assertThat(heard.rejections.get(0).droppedBytes()).isEqualTo(frame(A).length);
        assertThat(heard.rejections.get(0).detail()).contains("0x47");
    }

    @Test
    void doesNotEatTheNextStxWhenAFrameLostItsLrc() {
        feed(concat(withoutLrc(frame(A)), frame(B)));

        assertThat(heard.frames).containsExactly(B);
        assertThat(heard.reasons()).containsExactly(BAD_LRC);
        assertThat(heard.rejections.get(0).droppedBytes()).isEqualTo(frame(A).length - 1);
    }

    @Test
    void extractsEveryGoodFrameBehindSeveralBadOnesInOneFeed() {
        feed(concat(withWrongLrc(frame(A)), withoutLrc(frame(C)), frame(A), Arrays.copyOf(frame(B), 9), frame(B),
                withWrongLrc(frame(C)), frame(C)));

        assertThat(heard.frames).containsExactly(A, B, C);
        assertThat(heard.reasons()).containsExactly(BAD_LRC, BAD_LRC, TRUNCATED, BAD_LRC);
    }

    @Test
    void rejectsAnOversizeFrameAndSkipsToTheNextStx() {
        FrameDecoder small = new FrameDecoder(16);
        byte[] big = frame("{\"pad\": \"" + "y".repeat(40) + "\"}");

        small.feed(concat(big, frame(C)), 0, big.length + frame(C).length, heard);

        assertThat(heard.frames).containsExactly(C);
        assertThat(heard.reasons()).containsExactly(OVERSIZE);
        assertThat(heard.rejections.get(0).droppedBytes()).isEqualTo(1 + 17);
        assertThat(small.discardedBytes()).isEqualTo(big.length - 18);
    }

    @Test
    void acceptsAPayloadOfExactlyTheCap() {
        String exact = "{\"p\": \"" + "z".repeat(16 - 9) + "\"}";
        assertThat(utf8(exact)).hasSize(16);
        FrameDecoder small = new FrameDecoder(16);

        small.feed(frame(exact), 0, frame(exact).length, heard);

        assertThat(heard.frames).containsExactly(exact);
    }

    @Test
    void holdsBoundedMemoryWhenTheEtxNeverComes() {
        FrameDecoder small = new FrameDecoder(1024);
        byte[] endless = new byte[64 * 1024];
        Arrays.fill(endless, (byte) 'a');

        small.feed(new byte[] {Framing.STX}, 0, 1, heard);
        for (int i = 0; i < 32; i++) {
            small.feed(endless, 0, endless.length, heard);
            assertThat(small.bufferedBytes()).isLessThanOrEqualTo(1024);
        }

        assertThat(heard.reasons()).containsExactly(OVERSIZE);
        assertThat(small.bufferedBytes()).isZero();
        assertThat(small.discardedBytes()).isEqualTo(32L * endless.length - 1025);
        small.feed(frame(C), 0, frame(C).length, heard);
        assertThat(heard.frames).containsExactly(C);
    }

    @Test
    void acceptsAnLrcByteThatLooksLikeStxOrEtx() {
        String stxLrc = jsonWithLrc(Framing.STX);
        String etxLrc = jsonWithLrc(Framing.ETX);
        assertThat(frame(stxLrc)[frame(stxLrc).length - 1]).isEqualTo(Framing.STX);
        assertThat(frame(etxLrc)[frame(etxLrc).length - 1]).isEqualTo(Framing.ETX);

        feed(concat(frame(stxLrc), frame(etxLrc), frame(stxLrc), frame(C)));

        assertThat(heard.frames).containsExactly(stxLrc, etxLrc, stxLrc, C);
        assertThat(heard.rejections).isEmpty();
    }

    @Test
    void aBadLrcThatIsAnStxStartsTheNextFrame() {
        byte[] bad = frame(A);
        bad[bad.length - 1] = Framing.STX;
        byte[] rest = Arrays.copyOfRange(frame(B), 1, frame(B).length);

        feed(concat(bad, rest));

        assertThat(heard.frames).containsExactly(B);
        assertThat(heard.reasons()).containsExactly(BAD_LRC);
    }

    @Test
    void deliversAnEmptyPayloadForTheCodecToJudge() {
        feed(new byte[] {Framing.STX, Framing.ETX, 0x00});

        assertThat(heard.frames).containsExactly("");
    }

    @Test
    void neverThrowsOnAnyByteValue() {
        byte[] all = new byte[256 * 3];
        for (int i = 0; i < all.length; i++) {
            all[i] = (byte) (i * 7);
        }

        feed(all);
        feed(frame(C));

        assertThat(heard.frames).endsWith(C);
    }

    @Test
    void consumesHeapDirectAndReadOnlyBuffersFromTheirPosition() {
        byte[] stream = concat(utf8("xx"), frame(A), frame(B));
        ByteBuffer heapSlice = ByteBuffer.wrap(concat(utf8("ignored"), stream)).position(7).slice();
        ByteBuffer direct = ByteBuffer.allocateDirect(stream.length + 4).put(stream).flip();
        ByteBuffer readOnly = ByteBuffer.wrap(stream).asReadOnlyBuffer();

        for (ByteBuffer buffer : new ByteBuffer[] {heapSlice, direct, readOnly}) {
            decoder.feed(buffer, heard);
            assertThat(buffer.hasRemaining()).isFalse();
        }

        assertThat(heard.frames).containsExactly(A, B, A, B, A, B);
    }

    @Test
    void staysUsableAfterAListenerThrows() {
        FrameListener throwing = new FrameListener() {
            @Override
            public void onFrame(byte[] payload) {
                throw new IllegalStateException("listener bug");
            }

            @Override
            public void onRejected(FrameRejection rejection) {
            }
        };

        assertThatThrownBy(() -> decoder.feed(frame(A), 0, frame(A).length, throwing))
                .isInstanceOf(IllegalStateException.class);
        feed(frame(B));

        assertThat(heard.frames).containsExactly(B);
    }

    @Test
    void refusesANonPositiveCap() {
        assertThatThrownBy(() -> new FrameDecoder(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
