package org.evcharging.api.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;

import org.evcharging.api.protocol.FrameEncoder;
import org.evcharging.api.tls.DevCertificateAuthority;
import org.evcharging.api.tls.TlsContexts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Monitor socket over TLS: real sockets, real certificates from the development CA. */
class TlsFrameServerTest {

    private static final char[] PASSWORD = "changeit-test".toCharArray();
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final String BYE = "{\"bye\":true}";

    @TempDir
    static Path dir;

    static DevCertificateAuthority authority;
    static DevCertificateAuthority stranger;
    static FrameServer server;
    static final List<String> serverLog = new java.util.concurrent.CopyOnWriteArrayList<>();
    static final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            serverLog.add(record.getMessage());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeAll
    static void startEchoServerWithTls() throws IOException {
        authority = new DevCertificateAuthority(dir.resolve("ca"), new String(PASSWORD), "Test CA")
                .generate(List.of("localhost"));
        stranger = new DevCertificateAuthority(dir.resolve("other"), new String(PASSWORD), "Someone else's CA")
                .generate(List.of("localhost"));
        Logger.getLogger(FrameServer.class.getName()).addHandler(capture);
        server = new FrameServer(new InetSocketAddress(0), 4096, 1 << 20,
                connection -> (c, payload) -> {
                    if (new String(payload, StandardCharsets.UTF_8).equals(BYE)) {
                        c.close();
                    } else {
                        c.send(payload);
                    }
                })
                .withTls(TlsContexts.server(authority.serverKeyStore(), PASSWORD))
                .bind();
        Thread loop = new Thread(server, "tls-echo");
        loop.setDaemon(true);
        loop.start();
    }

    @AfterAll
    static void stop() {
        server.close();
        Logger.getLogger(FrameServer.class.getName()).removeHandler(capture);
    }

    @Test
    void aClientTrustingTheCaExchangesFramesOverTls() throws Exception {
        try (Peer peer = Peer.connect(TlsContexts.client(authority.caPem(), null))) {
            peer.client.send("{\"type\":\"heartbeat\"}".getBytes(StandardCharsets.UTF_8));
            assertThat(peer.next()).isEqualTo("{\"type\":\"heartbeat\"}");
        }
    }

    @Test
    void theTrustStoreWorksAsWellAsThePemFile() throws Exception {
        try (Peer peer = Peer.connect(TlsContexts.client(authority.trustStore(), PASSWORD))) {
            peer.client.send("{\"n\":1}".getBytes(StandardCharsets.UTF_8));
            assertThat(peer.next()).isEqualTo("{\"n\":1}");
        }
    }

    @Test
    void aCertificateFromAnotherCaIsRefusedClearlyAndNeighboursKeepTheirLink() throws Exception {
        try (Peer neighbour = Peer.connect(TlsContexts.client(authority.caPem(), null))) {
            SSLContext wrongCa = TlsContexts.client(stranger.caPem(), null);

            assertThatThrownBy(() -> Peer.connect(wrongCa))
                    .isInstanceOf(SSLHandshakeException.class)
                    .hasMessageContaining("TLS handshake with localhost:" + server.localPort() + " failed")
                    .hasMessageContaining("certificate");
            org.awaitility.Awaitility.await().atMost(TIMEOUT).untilAsserted(() -> assertThat(serverLog)
                    .anySatisfy(line -> assertThat(line).startsWith("TLS handshake with").contains("failed")));

            neighbour.client.send("{\"still\":true}".getBytes(StandardCharsets.UTF_8));
            assertThat(neighbour.next()).isEqualTo("{\"still\":true}");
        }
    }

    @Test
    void whenCentralClosesTheMonitorSeesAnOrderlyEnd() throws Exception {
        try (Peer peer = Peer.connect(TlsContexts.client(authority.caPem(), null))) {
            peer.client.send(BYE.getBytes(StandardCharsets.UTF_8));

            assertThat(peer.closed.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)).as("close cause").isEmpty();
        }
    }

    @Test
    void aHostNameTheCertificateDoesNotNameIsRefused() throws Exception {
        // The certificate names localhost and 127.0.0.1 only; 127.0.0.2 reaches the same socket.
        SSLContext trusting = TlsContexts.client(authority.caPem(), null);
        InetSocketAddress other = new InetSocketAddress("127.0.0.2", server.localPort());
        assertThatThrownBy(() -> FrameClient.connect(other, TIMEOUT, 4096, new Peer(), Thread::new, trusting))
                .isInstanceOf(SSLHandshakeException.class)
                .hasMessageContaining("127.0.0.2");
    }

    @Test
    void aPlainTextClientOnTheTlsPortIsClosedWithoutAFrame() throws Exception {
        try (Socket plain = new Socket("localhost", server.localPort())) {
            plain.setSoTimeout((int) TIMEOUT.toMillis());
            OutputStream out = plain.getOutputStream();
            out.write(FrameEncoder.encode("{\"type\":\"auth_request\"}".getBytes(StandardCharsets.UTF_8)));
            out.flush();
            InputStream in = plain.getInputStream();
            byte[] answer = in.readNBytes(64);
            // Either nothing or a TLS alert record (content type 21), never a frame (STX = 2).
            assertThat(answer.length == 0 || answer[0] == 21).as(Arrays.toString(answer)).isTrue();
        }
    }

    @Test
    void heartbeatsStayFastOverTls() throws Exception {
        FrameServer plain = new FrameServer(new InetSocketAddress("localhost", 0), 4096, 1 << 20,
                connection -> (c, payload) -> c.send(payload)).bind();
        Thread loop = new Thread(plain, "plain-echo");
        loop.setDaemon(true);
        loop.start();
        try (Peer tls = Peer.connect(TlsContexts.client(authority.caPem(), null));
             Peer clear = Peer.connect(null, plain.localPort())) {
            long[] overTls = roundTrips(tls);
            long[] inClear = roundTrips(clear);
            System.out.printf("Heartbeat round trip over TLS: p50 %d µs, p99 %d µs; plain: p50 %d µs, p99 %d µs%n",
                    overTls[0], overTls[1], inClear[0], inClear[1]);
            assertThat(overTls[1]).as("p99 round trip over TLS in µs").isLessThan(20_000);
        } finally {
            plain.close();
        }
    }

    /** p50 and p99 in µs of 2 000 heartbeat round trips. */
    private static long[] roundTrips(Peer peer) throws InterruptedException, IOException {
        byte[] heartbeat = "{\"type\":\"heartbeat\",\"cp_id\":\"cp_001\",\"status\":\"ACTIVATED\"}"
                .getBytes(StandardCharsets.UTF_8);
        int rounds = 2_000;
        long[] micros = new long[rounds];
        for (int i = 0; i < rounds; i++) {
            long start = System.nanoTime();
            peer.client.send(heartbeat);
            peer.next();
            micros[i] = (System.nanoTime() - start) / 1_000;
        }
        Arrays.sort(micros);
        return new long[] {micros[rounds / 2], micros[rounds * 99 / 100]};
    }

    /** A TLS client whose received frames queue up for the test. */
    static final class Peer implements FrameClient.Listener, AutoCloseable {
        final BlockingQueue<String> frames = new LinkedBlockingQueue<>();
        final java.util.concurrent.CompletableFuture<java.util.Optional<IOException>> closed =
                new java.util.concurrent.CompletableFuture<>();
        FrameClient client;

        static Peer connect(SSLContext tls) throws IOException {
            return connect(tls, server.localPort());
        }

        static Peer connect(SSLContext tls, int port) throws IOException {
            Peer peer = new Peer();
            peer.client = FrameClient.connect(new InetSocketAddress("localhost", port), TIMEOUT, 4096,
                    peer, Thread::new, tls);
            return peer;
        }

        String next() throws InterruptedException {
            String frame = frames.poll(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            assertThat(frame).as("a frame within " + TIMEOUT).isNotNull();
            return frame;
        }

        @Override
        public void onFrame(byte[] payload) {
            frames.add(new String(payload, StandardCharsets.UTF_8));
        }

        @Override
        public void onClosed(IOException cause) {
            closed.complete(java.util.Optional.ofNullable(cause));
        }

        @Override
        public void close() {
            if (client != null) {
                client.close();
            }
        }
    }
}
