package it.org.evcharging.central;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import it.org.evcharging.central.support.AdminApi;
import it.org.evcharging.central.support.CentralFixture;
import it.org.evcharging.central.support.SharedCentral;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.evcharging.api.message.MessageCodec;
import org.evcharging.api.message.ParseResult;
import org.evcharging.api.message.WireMessage;
import org.evcharging.api.message.monitor.AuthRequest;
import org.evcharging.api.protocol.FrameDecoder;
import org.evcharging.api.protocol.FrameEncoder;
import org.evcharging.api.protocol.FrameListener;
import org.evcharging.api.protocol.FrameRejection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Unknown ids cannot flood the operator's pending list: one source address adds only so many a
 * minute, and the list has a cap; both refusals are clear and audited. The floods come from
 * loopback addresses of their own (127.0.0.x), so the other classes' newcomers from 127.0.0.1 are
 * not counted, and every CP they add is deregistered afterwards.
 */
@ExtendWith(SharedCentral.class)
class CpFloodIT {

    private static final AtomicInteger NEXT = new AtomicInteger();
    private static CentralFixture system;
    private static AdminApi admin;
    private final List<String> added = new ArrayList<>();

    @BeforeAll
    static void startSystem() {
        system = SharedCentral.system();
        admin = new AdminApi(system.central().baseUri(), null);
    }

    @AfterEach
    void deregisterTheFlood() throws Exception {
        for (String cpId : added) {
            admin.delete("registry/charging-points/" + cpId);
        }
    }

    /** One newcomer's auth_request from {@code source}, on a connection of its own; returns Central's reply. */
    private WireMessage newcomer(String source) throws Exception {
        String cpId = "cp_flood_" + NEXT.incrementAndGet();
        added.add(cpId);
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName(source), 0));
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), system.acceptorPort()), 5_000);
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(FrameEncoder.encode(MessageCodec.toBytes(AuthRequest.of(cpId))));
            return readReply(socket.getInputStream());
        }
    }

    private static WireMessage readReply(InputStream in) throws IOException {
        FrameDecoder decoder = new FrameDecoder();
        AtomicReference<WireMessage> reply = new AtomicReference<>();
        byte[] buffer = new byte[4096];
        while (reply.get() == null) {
            int n = in.read(buffer);
            if (n < 0) {
                throw new IOException("Central closed the connection without a reply");
            }
            decoder.feed(buffer, 0, n, new FrameListener() {
                @Override
                public void onFrame(byte[] payload) {
                    if (MessageCodec.parse(payload) instanceof ParseResult.Parsed parsed) {
                        reply.compareAndSet(null, parsed.message());
                    }
                }

                @Override
                public void onRejected(FrameRejection rejection) {
                }
            });
        }
        return reply.get();
    }

    private static String info(WireMessage reply) {
        return reply instanceof org.evcharging.api.message.Response response ? response.info() : "status " + reply.type();
    }

    private static void awaitAuditLine(String source, String reason) {
        await("audit line of the refusal").atMost(Duration.ofSeconds(10)).until(() -> Files.readAllLines(system.central().consoleLog())
                .stream().anyMatch(line -> line.contains("REFUSED cp:") && line.contains("from " + source + ":") && line.contains(reason)));
    }

    @Test
    void oneSourceAddsOnlySoManyNewCpsAMinuteWithAClearRefusal() throws Exception {
        String source = "127.0.0.31";
        for (int i = 0; i < SharedCentral.NEWCOMERS_PER_MINUTE; i++) {
            assertThat(newcomer(source).type()).as("newcomer %d", i).isEqualTo("auth_response");
        }

        WireMessage refused = newcomer(source);

        assertThat(refused.type()).isEqualTo("auth_request_response");
        assertThat(info(refused)).isEqualTo("Too many new charging points from " + source + " (at most "
                + SharedCentral.NEWCOMERS_PER_MINUTE + " a minute): try again later");
        assertThat(admin.get("charging-points/" + added.get(added.size() - 1)).statusCode()).as("not recorded").isEqualTo(404);
        assertThat(newcomer("127.0.0.32").type()).as("another source still gets in").isEqualTo("auth_response");
        awaitAuditLine(source, "Too many new charging points");
    }

    @Test
    void thePendingListHasACap() throws Exception {
        int pending = AdminApi.json(admin.get("charging-points/pending")).size();
        int source = 40;
        for (int i = pending; i < SharedCentral.PENDING_MAX; i++) {
            if ((i - pending) % (SharedCentral.NEWCOMERS_PER_MINUTE - 1) == 0) {
                source++;
            }
            assertThat(newcomer("127.0.0." + source).type()).isEqualTo("auth_response");
        }

        WireMessage refused = newcomer("127.0.0.99");

        assertThat(info(refused)).isEqualTo("Too many charging points are waiting for authorization ("
                + SharedCentral.PENDING_MAX + "): ask the operator to register this one in the registry");
        awaitAuditLine("127.0.0.99", "Too many charging points are waiting");
    }
}
