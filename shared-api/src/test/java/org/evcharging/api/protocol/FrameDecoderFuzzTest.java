package org.evcharging.api.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import com.fasterxml.jackson.core.JsonProcessingException;

import org.evcharging.api.message.InvalidReason;
import org.evcharging.api.message.Json;
import org.evcharging.api.message.MessageCodec;
import org.evcharging.api.message.ParseResult;
import org.junit.jupiter.api.Test;

/**
 * Generated streams of good frames mixed with every kind of damage, fed in random splits: every
 * good frame must come out, exactly and in order, and nothing else. Reproduce a failure with
 * {@code -Dfuzz.seed=<seed printed in the message>} and {@code -Dfuzz.inputs=1}.
 */
class FrameDecoderFuzzTest {

    private static final int INPUTS = Integer.getInteger("fuzz.inputs", 100_000);
    private static final long SEED = Long.getLong("fuzz.seed", 0x2026_1124L);
    private static final int CAP = 512;
    private static final String[] KNOWN_TYPES = {"heartbeat_request", "charging_data", "status_update", "x"};
    private static final String[] NON_OBJECTS = {"[1, 2]", "\"str\"", "42", "null", "true", "[]", "-0.5e3"};
    /** A fixed key set, as real messages have; random keys would only churn Jackson's symbol table. */
    private static final String[] KEYS = {"message_id", "id", "cp_id", "session_id", "info", "status", "energy_consumed_kwh",
            "total_cost", "location", "ubicaci\u00f3n", "\u20ac", "k\"ey", "", "nested"};
    private static final String UNICODE = "aZ09 €ñ⚡\uD83D\uDD0C\u00e9\u4e2d\"\\/\u0002\u0003\u0000\n\t{}[],:";

    @Test
    void recoversEveryGoodFrameInOrderWhateverSurroundsIt() {
        Random seeds = new Random(SEED);
        for (int input = 0; input < INPUTS; input++) {
            long seed = input == 0 && INPUTS == 1 ? SEED : seeds.nextLong();
            try {
                runOne(seed);
            } catch (Throwable e) {
                throw new AssertionError("input " + input + " failed; rerun with -Dfuzz.seed=" + seed
                        + " -Dfuzz.inputs=1 : " + e.getMessage(), e);
            }
        }
    }

    private static void runOne(long seed) {
        Random random = new Random(seed);
        Stream stream = new Stream(random);
        int elements = 1 + random.nextInt(10);
        for (int i = 0; i < elements; i++) {
            stream.addRandomElement();
        }
        byte[] bytes = stream.out.toByteArray();

        FrameDecoder decoder = new FrameDecoder(CAP);
        Frames.Collector heard = new Frames.Collector();
        feedInRandomSplits(random, decoder, heard, bytes);

        assertThat(heard.frames).isEqualTo(stream.expected);
        for (int i = 0; i < heard.frames.size(); i++) {
            ParseResult parsed = MessageCodec.parse(heard.frames.get(i));
            boolean object = !(parsed instanceof ParseResult.Invalid invalid)
                    || (invalid.reason() != InvalidReason.NOT_JSON && invalid.reason() != InvalidReason.NOT_AN_OBJECT);
            assertThat(object).as("frame %d parsed as %s", i, parsed).isEqualTo(stream.objects.get(i));
        }
    }

    private static void feedInRandomSplits(Random random, FrameDecoder decoder, Frames.Collector heard, byte[] bytes) {
        int strategy = random.nextInt(5);
        // Fed from the middle of a larger array, or from a direct buffer, as a reused read buffer would be.
        byte[] window = new byte[bytes.length + 8];
        ByteBuffer direct = ByteBuffer.allocateDirect(Math.max(1, bytes.length));
        int at = 0;
        while (at < bytes.length) {
            int left = bytes.length - at;
            int len = switch (strategy) {
                case 0 -> left;
                case 1 -> 1;
                case 2 -> 1 + random.nextInt(Math.min(left, 64));
                default -> 1 + random.nextInt(left);
            };
            if (strategy == 4) {
                direct.clear();
                decoder.feed(direct.put(bytes, at, len).flip(), heard);
            } else {
                System.arraycopy(bytes, at, window, 4, len);
                decoder.feed(window, 4, len, heard);
            }
            at += len;
            // A plain check: this runs millions of times per test.
            if (decoder.bufferedBytes() > CAP) {
                throw new AssertionError("decoder holds " + decoder.bufferedBytes() + " bytes, over the cap " + CAP);
            }
        }
    }

    /** Builds one input and remembers which frames must come out of it. */
    private static final class Stream {
        final Random random;
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final List<String> expected = new ArrayList<>();
        final List<Boolean> objects = new ArrayList<>();
        /** The decoder may be inside a frame here; an ETX followed by a lucky byte could then forge one. */
        boolean open;

        Stream(Random random) {
            this.random = random;
        }

        void addRandomElement() {
            int roll = random.nextInt(100);
            if (roll < 30) {
                good(randomObject(CAP));
            } else if (roll < 38) {
                good(NON_OBJECTS[random.nextInt(NON_OBJECTS.length)]);
            } else if (roll < 41) {
                good(paddedTo(CAP));
            } else if (roll < 58) {
                garbage();
            } else if (roll < 70) {
                wrongLrc();
            } else if (roll < 78) {
                lostLrc();
            } else if (roll < 86) {
                truncated();
            } else {
                oversize();
            }
        }

        private void good(String json) {
            write(Frames.frame(json));
            expected.add(json);
            objects.add(json.startsWith("{"));
            open = false;
        }

        private void garbage() {
            int length = 1 + random.nextInt(40);
            for (int i = 0; i < length; i++) {
                int b = switch (random.nextInt(6)) {
                    case 0 -> Framing.STX;
                    case 1 -> Framing.ETX;
                    default -> random.nextInt(256);
                };
                if (b == Framing.ETX && open) {
                    b = 'e';
                }
                open |= b == Framing.STX;
                out.write(b);
            }
        }

        private void wrongLrc() {
            byte[] frame = Frames.frame(randomObject(CAP));
            frame[frame.length - 1] ^= (byte) (1 + random.nextInt(255));
            write(frame);
            open = frame[frame.length - 1] == Framing.STX;
        }

        /** A frame that lost its LRC byte; the next frame's STX then sits where the LRC belongs. */
        private void lostLrc() {
            String json;
            do {
                json = randomObject(CAP);
            } while (Lrc.of(json.getBytes(StandardCharsets.UTF_8)) == Framing.STX);
            byte[] frame = Frames.frame(json);
            out.write(frame, 0, frame.length - 1);
            good(randomObject(CAP));
        }

        /** A frame cut before its ETX, followed by the next frame. */
        private void truncated() {
            byte[] frame = Frames.frame(randomObject(CAP));
            out.write(frame, 0, 1 + random.nextInt(frame.length - 2));
            good(randomObject(CAP));
        }

        private void oversize() {
            byte[] frame = Frames.frame(paddedTo(CAP + 1 + random.nextInt(3 * CAP)));
            write(frame);
            open = frame[frame.length - 1] == Framing.STX;
        }

        private void write(byte[] bytes) {
            out.write(bytes, 0, bytes.length);
        }

        private String randomObject(int maxBytes) {
            while (true) {
                Map<String, Object> object = new LinkedHashMap<>();
                if (random.nextBoolean()) {
                    object.put("type", KNOWN_TYPES[random.nextInt(KNOWN_TYPES.length)]);
                }
                int fields = random.nextInt(6);
                for (int i = 0; i < fields; i++) {
                    object.put(KEYS[random.nextInt(KEYS.length)], randomValue());
                }
                String json = toJson(object);
                if (json.getBytes(StandardCharsets.UTF_8).length <= maxBytes) {
                    return json;
                }
            }
        }

        private Object randomValue() {
            return switch (random.nextInt(7)) {
                case 0 -> randomText(30);
                case 1 -> random.nextLong();
                case 2 -> random.nextDouble() * 100;
                case 3 -> random.nextBoolean();
                case 4 -> null;
                case 5 -> List.of(randomText(5), random.nextInt(100));
                default -> Map.of("nested", randomText(10));
            };
        }

        private String randomText(int maxChars) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(maxChars + 1);
            while (text.length() < length) {
                int at = random.nextInt(UNICODE.length());
                char c = UNICODE.charAt(at);
                if (Character.isHighSurrogate(c)) {
                    text.append(c).append(UNICODE.charAt(at + 1));
                } else if (!Character.isLowSurrogate(c)) {
                    text.append(c);
                }
            }
            return text.toString();
        }

        /** A JSON object of exactly {@code bytes} UTF-8 bytes. */
        private static String paddedTo(int bytes) {
            String shell = "{\"pad\": \"\"}";
            return "{\"pad\": \"" + "p".repeat(bytes - shell.length()) + "\"}";
        }

        private static String toJson(Object value) {
            try {
                return Json.mapper().writeValueAsString(value);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
