package org.evcharging.api.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.evcharging.api.protocol.Frames.utf8;

import org.junit.jupiter.api.Test;

/** The test vectors of wire format §2.3, byte for byte. */
class FramingVectorsTest {

    private static final String PYTHON_HEARTBEAT = "{\"type\": \"heartbeat_request\", \"message_id\": \"m1\", \"id\": \"cp_001\"}";
    private static final String COMPACT_HEARTBEAT = "{\"type\":\"heartbeat_request\",\"message_id\":\"m1\",\"id\":\"cp_001\"}";
    private static final String EURO = "{\"type\": \"x\", \"info\": \"€ ñ\"}";

    @Test
    void pythonHeartbeatHasLrc47() {
        assertThat(utf8(PYTHON_HEARTBEAT)).hasSize(65);
        assertThat(Lrc.of(utf8(PYTHON_HEARTBEAT))).isEqualTo((byte) 0x47);
    }

    @Test
    void compactHeartbeatHasLrc67() {
        assertThat(utf8(COMPACT_HEARTBEAT)).hasSize(60);
        assertThat(Lrc.of(utf8(COMPACT_HEARTBEAT))).isEqualTo((byte) 0x67);
    }

    @Test
    void utf8PayloadHasLrcFa() {
        assertThat(utf8(EURO)).hasSize(31);
        assertThat(Lrc.of(utf8(EURO))).isEqualTo((byte) 0xfa);
    }

    @Test
    void framesArePayloadBetweenStxAndEtxThenLrc() {
        byte[] payload = utf8(PYTHON_HEARTBEAT);
        byte[] frame = FrameEncoder.encode(payload);

        assertThat(frame).hasSize(68);
        assertThat(frame[0]).isEqualTo((byte) 0x02);
        assertThat(frame).containsSubsequence(payload);
        assertThat(frame[1]).isEqualTo((byte) 0x7b);
        assertThat(frame[65]).isEqualTo((byte) 0x7d);
        assertThat(frame[66]).isEqualTo((byte) 0x03);
        assertThat(frame[67]).isEqualTo((byte) 0x47);
    }

    @Test
    void everyVectorFramesExactly() {
        assertThat(FrameEncoder.encode(utf8(COMPACT_HEARTBEAT))).endsWith((byte) 0x7d, (byte) 0x03, (byte) 0x67);
        assertThat(FrameEncoder.encode(utf8(EURO))).startsWith((byte) 0x02, (byte) 0x7b)
                .endsWith((byte) 0x7d, (byte) 0x03, (byte) 0xfa);
    }

    @Test
    void lrcOfARangeIgnoresTheRest() {
        byte[] frame = FrameEncoder.encode(utf8(PYTHON_HEARTBEAT));

        assertThat(Lrc.of(frame, 1, 65)).isEqualTo((byte) 0x47);
        assertThat(Lrc.of(new byte[0])).isZero();
    }

    @Test
    void anEmptyPayloadStillFrames() {
        assertThat(FrameEncoder.encode(new byte[0])).containsExactly(0x02, 0x03, 0x00);
    }

    @Test
    void refusesAPayloadThatCouldNotBeDelimited() {
        assertThatThrownBy(() -> FrameEncoder.encode(new byte[] {'{', 0x02, '}'}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FrameEncoder.encode(new byte[] {'{', 0x03, '}'}))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
