package org.evcharging.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;

/** The listener lines of the generated broker configuration: what binds where, what clients are told. */
class CombinedModeConfigTest {

    private static final Path LOGS = Path.of("/tmp/kafka-logs");

    private static Properties config(BrokerSettings.Builder builder) {
        return CombinedModeConfig.of(builder.dataDir(Path.of("d")).port(19092).controllerPort(19093).settings(), LOGS);
    }

    @Test
    void byDefaultClientsOnThisMachineAreToldLocalhostAndEveryInterfaceListens() {
        Properties p = config(EmbeddedKafkaBroker.builder());

        assertThat(p.getProperty("listeners")).isEqualTo("PLAINTEXT://:19092,CONTROLLER://localhost:19093");
        assertThat(p.getProperty("advertised.listeners")).isEqualTo("PLAINTEXT://localhost:19092");
        assertThat(p.getProperty("controller.quorum.voters")).isEqualTo("1@localhost:19093");
        assertThat(p.getProperty("log.dirs")).isEqualTo(LOGS.toString());
    }

    @Test
    void theAdvertisedHostIsWhatOtherMachinesAreToldWhileTheListenerStillBindsEveryInterface() {
        Properties p = config(EmbeddedKafkaBroker.builder().advertisedHost("10.0.0.1"));

        assertThat(p.getProperty("listeners")).isEqualTo("PLAINTEXT://:19092,CONTROLLER://localhost:19093");
        assertThat(p.getProperty("advertised.listeners")).isEqualTo("PLAINTEXT://10.0.0.1:19092");
    }

    @Test
    void aBindHostNarrowsTheClientListenerButNeverTheController() {
        Properties p = config(EmbeddedKafkaBroker.builder().bindHost("192.0.2.10").advertisedHost("kafka-a.lan"));

        assertThat(p.getProperty("listeners")).isEqualTo("PLAINTEXT://192.0.2.10:19092,CONTROLLER://localhost:19093");
        assertThat(p.getProperty("advertised.listeners")).isEqualTo("PLAINTEXT://kafka-a.lan:19092");
    }

    @Test
    void wildcardBindAddressesMeanEveryInterface() {
        for (String wildcard : new String[] {"0.0.0.0", "::", "*", ""}) {
            BrokerSettings settings = EmbeddedKafkaBroker.builder().dataDir(Path.of("d")).bindHost(wildcard).settings();

            assertThat(settings.bindsEveryInterface()).as(wildcard).isTrue();
            assertThat(CombinedModeConfig.of(settings, LOGS).getProperty("listeners")).startsWith("PLAINTEXT://:");
        }
    }

    @Test
    void ipv6LiteralsAreBracketed() {
        Properties p = config(EmbeddedKafkaBroker.builder().bindHost("::1").advertisedHost("fd00::2"));

        assertThat(p.getProperty("listeners")).startsWith("PLAINTEXT://[::1]:19092,");
        assertThat(p.getProperty("advertised.listeners")).isEqualTo("PLAINTEXT://[fd00::2]:19092");
    }

    @Test
    void theBrokerBootstrapsItselfThroughItsListenerAndTellsTheAdvertisedAddress() {
        BrokerSettings everywhere = EmbeddedKafkaBroker.builder().dataDir(Path.of("d")).port(19092)
                .advertisedHost("10.0.0.1").settings();
        BrokerSettings narrowed = EmbeddedKafkaBroker.builder().dataDir(Path.of("d")).port(19092)
                .bindHost("127.0.0.2").advertisedHost("10.0.0.1").settings();

        assertThat(everywhere.localBootstrap()).isEqualTo("localhost:19092");
        assertThat(narrowed.localBootstrap()).isEqualTo("127.0.0.2:19092");
        assertThat(EmbeddedKafkaBroker.of(narrowed).bootstrapServers()).isEqualTo("10.0.0.1:19092");
    }

    @Test
    void aWildcardCannotBeAdvertised() {
        assertThatThrownBy(() -> EmbeddedKafkaBroker.builder().dataDir(Path.of("d")).advertisedHost("0.0.0.0").settings())
                .hasMessageContaining("advertisedHost must be a host clients can connect to");
    }

    @Test
    void withSecurityTheClientAndInterBrokerListenerIsSaslSslAndTheControllerStaysLocal() {
        BrokerSettings settings = EmbeddedKafkaBroker.builder().dataDir(Path.of("d")).port(19092).controllerPort(19093)
                .settings();
        BrokerSecurity security = new BrokerSecurity(Path.of("/tls/server.p12"), "pw", Map.of("central", "c", "cp", "p"));

        Properties p = CombinedModeConfig.of(settings, Path.of("logs"), security);

        assertThat(p.getProperty("listeners")).isEqualTo("SASL_SSL://:19092,CONTROLLER://localhost:19093");
        assertThat(p.getProperty("inter.broker.listener.name")).isEqualTo("SASL_SSL");
        assertThat(p.getProperty("sasl.enabled.mechanisms")).isEqualTo("PLAIN,SCRAM-SHA-512");
        assertThat(p.getProperty("listener.name.sasl_ssl.plain.sasl.jaas.config"))
                .contains("username=\"central\"").contains("user_cp=\"p\"");
        assertThat(p.getProperty("ssl.keystore.location")).endsWith("server.p12");
    }

    @Test
    void aNodeOfThreeReplicatesEveryTopicThriceAndNeedsTwoInSync() {
        QuorumVoters voters = QuorumVoters.parse("1@localhost:19093,2@localhost:29093,3@localhost:39093");
        Properties p = CombinedModeConfig.of(EmbeddedKafkaBroker.builder().dataDir(Path.of("d")).port(29092)
                .nodeId(2).voters(voters).settings(), LOGS);

        assertThat(p.getProperty("node.id")).isEqualTo("2");
        assertThat(p.getProperty("controller.quorum.voters")).isEqualTo(voters.toString());
        assertThat(p.getProperty("listeners")).isEqualTo("PLAINTEXT://:29092,CONTROLLER://localhost:29093");
        assertThat(p.getProperty("default.replication.factor")).isEqualTo("3");
        assertThat(p.getProperty("offsets.topic.replication.factor")).isEqualTo("3");
        assertThat(p.getProperty("min.insync.replicas")).isEqualTo("2");
        assertThat(p.getProperty("transaction.state.log.min.isr")).isEqualTo("2");
    }

    @Test
    void aSingleNodeKeepsOneReplica() {
        Properties p = config(EmbeddedKafkaBroker.builder());

        assertThat(p.getProperty("default.replication.factor")).isEqualTo("1");
        assertThat(p.getProperty("min.insync.replicas")).isEqualTo("1");
    }

    @Test
    void theNodesOfOneClusterDeriveTheSameClusterIdAndAnotherClusterAnother() {
        String voters = "1@localhost:19093,2@localhost:29093,3@localhost:39093";

        assertThat(QuorumVoters.parse(voters).derivedClusterId()).isEqualTo(QuorumVoters.parse(voters).derivedClusterId())
                .isNotEqualTo(QuorumVoters.parse("1@localhost:19094,2@localhost:29093,3@localhost:39093").derivedClusterId());
        assertThat(org.apache.kafka.common.Uuid.fromString(QuorumVoters.parse(voters).derivedClusterId())).isNotNull();
    }

    @Test
    void badVotersGetAClearReason() {
        assertThatThrownBy(() -> QuorumVoters.parse("1@localhost:19093,localhost:29093"))
                .hasMessageContaining("'localhost:29093' is not a voter: write id@host:port");
        assertThatThrownBy(() -> QuorumVoters.parse("1@a:19093,1@b:29093")).hasMessageContaining("node id 1 appears twice");
        assertThatThrownBy(() -> EmbeddedKafkaBroker.builder().dataDir(Path.of("d")).nodeId(4)
                .voters(QuorumVoters.parse("1@a:19093,2@b:29093,3@c:39093")).settings())
                .hasMessageContaining("node id 4 is not among the voters");
    }
}
