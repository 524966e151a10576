package org.evcharging.agent.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.evcharging.agent.config.HostPort;
import org.evcharging.agent.support.CapturedOutput;
import org.evcharging.agent.support.FakeCentral;
import org.evcharging.agent.support.TestAgents;
import org.evcharging.api.message.monitor.AuthRequest;
import org.evcharging.api.message.monitor.RegisterRequest;
import org.evcharging.api.tls.DevCertificateAuthority;
import org.evcharging.api.tls.TlsContexts;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Monitor's link to Central over TLS (--central-ca): real sockets, certificates from the development CA. */
class MonitorTlsTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(15);
    private static final String PASSWORD = "monitor-tls-test";
    private static final HostPort NO_ENGINE = new HostPort("localhost", 9);

    @TempDir
    static Path dir;
    static DevCertificateAuthority centralCa;
    static DevCertificateAuthority otherCa;

    @BeforeAll
    static void certificates() throws IOException {
        centralCa = new DevCertificateAuthority(dir.resolve("central"), PASSWORD, "Central's CA").generate(List.of());
        otherCa = new DevCertificateAuthority(dir.resolve("other"), PASSWORD, "Another CA").generate(List.of());
    }

    @Test
    void aMonitorTrustingCentralsCaAuthenticatesAndRegistersOverTls() throws IOException {
        String cpId = TestAgents.uniqueCpId();
        try (FakeCentral central = FakeCentral.overTls(TlsContexts.server(centralCa.serverKeyStore(), PASSWORD.toCharArray()))
                .knowingEveryCp();
             MonitorAgent monitor = MonitorAgent.start(options(central, cpId, centralCa.caPem()),
                     new CapturedOutput("monitor").eventLog(), false)) {

            assertThat(central.awaitMessage(AuthRequest.class, a -> cpId.equals(a.id()), TIMEOUT).id()).isEqualTo(cpId);
            central.awaitMessage(RegisterRequest.class, r -> cpId.equals(r.id()), TIMEOUT);
        }
    }

    @Test
    void aCentralWhoseCertificateComesFromAnotherCaIsRefusedWithAClearLine() throws IOException {
        String cpId = TestAgents.uniqueCpId();
        CapturedOutput output = new CapturedOutput("monitor");
        try (FakeCentral impostor = FakeCentral.overTls(TlsContexts.server(otherCa.serverKeyStore(), PASSWORD.toCharArray()))
                .knowingEveryCp();
             MonitorAgent monitor = MonitorAgent.start(options(impostor, cpId, centralCa.caPem()), output.eventLog(), false)) {

            String line = output.awaitLine("Cannot connect to CENTRAL", TIMEOUT);

            assertThat(line).contains("TLS handshake with localhost:" + impostor.address().port() + " failed")
                    .contains("certificate");
            assertThat(impostor.received()).as("not one message reaches an untrusted Central").isEmpty();
        }
    }

    private static MonitorOptions options(FakeCentral central, String cpId, Path trust) {
        return TestAgents.monitor(NO_ENGINE, central.address(), cpId, dir.resolve(cpId))
                .withCentralTls(new CentralTls(trust, null));
    }
}
