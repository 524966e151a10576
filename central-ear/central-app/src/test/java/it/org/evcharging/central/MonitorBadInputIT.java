package it.org.evcharging.central;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;

import it.org.evcharging.central.support.AdminApi;
import it.org.evcharging.central.support.CentralFixture;
import it.org.evcharging.central.support.FakeMonitor;
import it.org.evcharging.central.support.SharedCentral;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.evcharging.api.message.Json;
import org.evcharging.api.message.Response;
import org.evcharging.api.message.WireMessage;
import org.evcharging.api.message.monitor.AuthRequest;
import org.evcharging.api.message.monitor.AuthResponse;
import org.evcharging.api.message.monitor.HeartbeatRequest;
import org.evcharging.api.message.monitor.RegisterRequest;
import org.evcharging.api.message.monitor.StatusUpdate;
import org.evcharging.api.model.ChargingPointState;
import org.evcharging.api.protocol.FrameDecoder;
import org.evcharging.api.protocol.FrameEncoder;
import org.evcharging.api.protocol.FrameListener;
import org.evcharging.api.protocol.FrameRejection;
import org.evcharging.api.protocol.Lrc;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every kind of bad input on one raw socket, while a good CP keeps heartbeating on another: each
 * gets a clear reply or a logged rejection, the bad connection keeps working where the protocol
 * allows, the neighbour never misses an answer and nothing is written for the bad input.
 */
@ExtendWith(SharedCentral.class)
class MonitorBadInputIT {

    private static CentralFixture system;
    private static AdminApi admin;

    @BeforeAll
    static void startSystem() throws Exception {
        system = SharedCentral.system();
        admin = new AdminApi(system.central().baseUri(), null);
    }

    @Test
    void badInputGetsClearRepliesWhileTheNeighbourKeepsItsHeartbeatsAnswered() throws Exception {
        String good = "cp_good_neighbour";
        String priced = "cp_bad_price";
        ScheduledExecutorService beat = Executors.newSingleThreadScheduledExecutor();
        try (FakeMonitor neighbour = FakeMonitor.connect(system.acceptorPort());
             RawConnection raw = new RawConnection(system.acceptorPort())) {
            // The shared Central leaves new CPs to the operator: the neighbour is authorized through the API.
            assertThat(neighbour.call(AuthRequest.of(good), AuthResponse.class).status()).isEqualTo("pending");
            assertThat(admin.post("charging-points/" + good + "/authorize").statusCode()).isEqualTo(200);
            neighbour.await(AuthResponse.class, r -> "success".equals(r.status()), Duration.ofSeconds(5));
            neighbour.call(RegisterRequest.of(good, "Alicante", 0.25, 1), Response.class);
            neighbour.call(StatusUpdate.of(good, ChargingPointState.ACTIVE), Response.class);
            // An authorized CP that never registered: a bad price is judged once authorization is not the obstacle.
            try (FakeMonitor joining = FakeMonitor.connect(system.acceptorPort())) {
                assertThat(joining.call(AuthRequest.of(priced), AuthResponse.class).status()).isEqualTo("pending");
                // Legacy (id only): the raw connection below speaks for it without a credential.
                assertThat(admin.post("charging-points/" + priced + "/authorize?legacy=true").statusCode()).isEqualTo(200);
                joining.await(AuthResponse.class, r -> "success".equals(r.status()), Duration.ofSeconds(5));
            }
            AtomicInteger answered = new AtomicInteger();
            AtomicLong longestGapMs = new AtomicLong();
            beat.scheduleAtFixedRate(() -> heartbeat(neighbour, good, answered, longestGapMs), 0, 200, TimeUnit.MILLISECONDS);

            raw.write("garbage before anything \u0003\u0000\u00ff".getBytes(StandardCharsets.ISO_8859_1));
            raw.write(withBadLrc("{\"type\": \"heartbeat_request\", \"message_id\": \"bad-lrc\", \"id\": \"x\"}"));
            assertThat(raw.reply("[1, 2, 3]").info()).startsWith("Invalid message:");
            assertThat(raw.reply("{\"type\": \"warp_drive\", \"message_id\": \"u1\"}"))
                    .satisfies(r -> {
                        assertThat(r.type()).isEqualTo("warp_drive_response");
                        assertThat(r.info()).isEqualTo("Unknown message type");
                    });
            assertThat(raw.reply("{\"type\": \"register_request\", \"message_id\": \"m1\", \"id\": \"cp_x\"}").info())
                    .isEqualTo("Missing required fields in message: location, price_per_kwh");
            raw.write(FrameEncoder.encode(("{\"type\": \"heartbeat_request\", \"pad\": \"" + "x".repeat(70_000) + "\"}")
                    .getBytes(StandardCharsets.UTF_8)));
            assertThat(raw.reply("{\"type\": \"status_update\", \"message_id\": \"g1\", \"id\": \"cp_ghost\", \"status\": \"ACTIVE\"}").info())
                    .isEqualTo("Charging point cp_ghost is not registered on this connection");
            assertThat(raw.reply("{\"type\": \"register_request\", \"message_id\": \"m2\", \"id\": \"" + priced + "\", "
                    + "\"location\": \"L\", \"price_per_kwh\": -1}").info()).contains("price_per_kwh");
            assertThat(raw.reply("{\"type\": \"auth_request\", \"message_id\": \"m3\", \"id\": \"bad id with spaces\"}").info())
                    .startsWith("Invalid CP id");

            int before = answered.get();
            await().atMost(Duration.ofSeconds(3)).until(() -> answered.get() >= before + 5);
            assertThat(longestGapMs.get()).as("longest wait for a neighbour's heartbeat answer").isLessThan(1_000);
            assertThat(admin.stateOf(good)).isEqualTo("ACTIVE");
            assertThat(admin.get("charging-points/cp_ghost").statusCode()).isEqualTo(404);
            assertThat(admin.get("charging-points/cp_x").statusCode()).isEqualTo(404);
            JsonNode pricedView = AdminApi.json(admin.get("charging-points/" + priced));
            assertThat(pricedView.path("location").asText()).as("the bad register wrote nothing").isNotEqualTo("L");
            assertThat(pricedView.path("registration").asText()).isEqualTo("AUTHORIZED");
        } finally {
            beat.shutdownNow();
        }
    }

    private static void heartbeat(FakeMonitor monitor, String cpId, AtomicInteger answered, AtomicLong longestGapMs) {
        long sent = System.nanoTime();
        try {
            Response reply = monitor.call(HeartbeatRequest.of(cpId, 1), Response.class);
            if ("success".equals(reply.status())) {
                answered.incrementAndGet();
            }
        } catch (Exception | AssertionError e) {
            answered.addAndGet(-1_000_000);
        }
        longestGapMs.accumulateAndGet((System.nanoTime() - sent) / 1_000_000, Math::max);
    }

    private static byte[] withBadLrc(String json) {
        byte[] frame = FrameEncoder.encode(json.getBytes(StandardCharsets.UTF_8));
        frame[frame.length - 1] = (byte) (Lrc.of(json.getBytes(StandardCharsets.UTF_8)) ^ 0x5a);
        return frame;
    }

    /** A plain socket that writes arbitrary bytes and decodes Central's replies. */
    static final class RawConnection implements AutoCloseable {

        private final Socket socket;
        private final BlockingQueue<WireMessage> replies = new LinkedBlockingQueue<>();

        RawConnection(int port) throws IOException {
            socket = new Socket("localhost", port);
            Thread reader = new Thread(this::read, "raw-reader");
            reader.setDaemon(true);
            reader.start();
        }

        void write(byte[] bytes) throws IOException {
            socket.getOutputStream().write(bytes);
            socket.getOutputStream().flush();
        }

        /** Sends {@code json} as a well-formed frame and returns Central's reply. */
        Response reply(String json) throws IOException, InterruptedException {
            write(FrameEncoder.encode(json.getBytes(StandardCharsets.UTF_8)));
            WireMessage reply = replies.poll(10, TimeUnit.SECONDS);
            assertThat(reply).as("reply to " + json).isInstanceOf(Response.class);
            return (Response) reply;
        }

        private void read() {
            FrameDecoder decoder = new FrameDecoder();
            byte[] buffer = new byte[4096];
            try (InputStream in = socket.getInputStream()) {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    decoder.feed(buffer, 0, n, new FrameListener() {
                        @Override
                        public void onFrame(byte[] payload) {
                            // Replies to unknown types ("warp_drive_response") are generic responses of no known type.
                            try {
                                replies.add(Json.mapper().readValue(payload, Response.class));
                            } catch (IOException e) {
                                throw new AssertionError("Central sent a reply that is not JSON", e);
                            }
                        }

                        @Override
                        public void onRejected(FrameRejection rejection) {
                        }
                    });
                }
            } catch (IOException e) {
                // the test closed the socket
            }
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
