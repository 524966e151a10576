package org.evcharging.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

class BrokerCommandLineTest {

    @Test
    void argumentsGiveEverySetting() {
        BrokerCommandLine line = BrokerCommandLine.parse(new String[] {
            "--port", "19092", "--data-dir", "run-data/kafka", "--partitions", "6",
            "--controller-port", "19093", "--advertise", "kafka.local", "--bind", "10.0.0.1",
            "--start-timeout", "30"}, Map.of());

        assertThat(line.port()).isEqualTo(19092);
        assertThat(line.dataDir()).isEqualTo(Path.of("run-data/kafka"));
        assertThat(line.partitions()).isEqualTo(6);
        assertThat(line.controllerPort()).isEqualTo(19093);
        assertThat(line.advertisedHost()).isEqualTo("kafka.local");
        assertThat(line.bindHost()).isEqualTo("10.0.0.1");
        assertThat(line.startTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(line.helpRequested()).isFalse();
    }

    @Test
    void environmentFillsWhatArgumentsLeaveOutAndArgumentsWin() {
        BrokerCommandLine line = BrokerCommandLine.parse(new String[] {"--port", "29092"},
                Map.of("KAFKA_PORT", "39092", "KAFKA_DATA_DIR", "/var/kafka"));

        assertThat(line.port()).isEqualTo(29092);
        assertThat(line.dataDir()).isEqualTo(Path.of("/var/kafka"));
    }

    @Test
    void aClusterNodeTakesItsIdAndTheVotersFromArgumentsOrEnvironment() {
        String voters = "1@localhost:19093,2@localhost:29093,3@localhost:39093";
        BrokerCommandLine line = BrokerCommandLine.parse(new String[] {"--data-dir", "d", "--node-id", "3",
            "--controller-quorum-voters", voters}, Map.of());
        assertThat(line.nodeId()).isEqualTo(3);
        assertThat(line.voters().toString()).isEqualTo(voters);
        assertThat(line.toBroker().controllerPort()).as("its own voter entry's").isEqualTo(39093);

        BrokerCommandLine fromEnv = BrokerCommandLine.parse(new String[] {"--data-dir", "d"},
                Map.of("KAFKA_NODE_ID", "2", "KAFKA_CONTROLLER_QUORUM_VOTERS", voters));
        assertThat(fromEnv.nodeId()).isEqualTo(2);
        assertThat(fromEnv.voters().size()).isEqualTo(3);

        assertThatThrownBy(() -> BrokerCommandLine.parse(new String[] {"--data-dir", "d", "--node-id", "4",
            "--controller-quorum-voters", voters}, Map.of())).hasMessageContaining("node id 4 is not among the voters");
        assertThatThrownBy(() -> BrokerCommandLine.parse(new String[] {"--data-dir", "d",
            "--controller-quorum-voters", "1@localhost"}, Map.of()))
                .hasMessageStartingWith("--controller-quorum-voters: '1@localhost' is not a voter");
    }

    @Test
    void defaultsAreTheUsualPortAFreeControllerPortAndThreePartitions() {
        BrokerCommandLine line = BrokerCommandLine.parse(new String[] {"--data-dir", "d"}, Map.of());

        assertThat(line.port()).isEqualTo(9092);
        assertThat(line.controllerPort()).isZero();
        assertThat(line.partitions()).isEqualTo(3);
        assertThat(line.advertisedHost()).isEqualTo("localhost");
        assertThat(line.bindHost()).isEmpty();
    }

    @Test
    void theAdvertisedHostComesFromAdvertiseOrTheOlderHostAndTheEnvironmentToo() {
        assertThat(BrokerCommandLine.parse(new String[] {"--data-dir", "d", "--host", "a.lan"}, Map.of())
                .advertisedHost()).isEqualTo("a.lan");
        assertThat(BrokerCommandLine.parse(new String[] {"--data-dir", "d"},
                Map.of("KAFKA_ADVERTISED_HOST", "10.0.0.1", "KAFKA_HOST", "old.lan", "KAFKA_BIND_HOST", "0.0.0.0")))
                .extracting(BrokerCommandLine::advertisedHost, BrokerCommandLine::bindHost)
                .containsExactly("10.0.0.1", "");
        assertThat(BrokerCommandLine.parse(new String[] {"--data-dir", "d"}, Map.of("KAFKA_HOST", "old.lan"))
                .advertisedHost()).isEqualTo("old.lan");
        assertThat(BrokerCommandLine.parse(new String[] {"--data-dir", "d", "--advertise", "b.lan", "--bind", "127.0.0.2"},
                Map.of("KAFKA_ADVERTISED_HOST", "10.0.0.1", "KAFKA_BIND_HOST", "10.0.0.1")))
                .extracting(BrokerCommandLine::advertisedHost, BrokerCommandLine::bindHost)
                .containsExactly("b.lan", "127.0.0.2");
    }

    @Test
    void theCommandLineGivesTheBrokerItsAddresses() {
        BrokerSettings settings = BrokerCommandLine.parse(new String[] {"--data-dir", "d", "--port", "19092",
                "--bind", "127.0.0.2", "--advertise", "10.0.0.1"}, Map.of()).toBroker().settings();

        assertThat(settings.bindHost()).isEqualTo("127.0.0.2");
        assertThat(settings.advertisedHost()).isEqualTo("10.0.0.1");
        assertThat(settings.port()).isEqualTo(19092);
    }

    @Test
    void helpNeedsNothingElse() {
        assertThat(BrokerCommandLine.parse(new String[] {"--help"}, Map.of()).helpRequested()).isTrue();
        assertThat(BrokerCommandLine.USAGE).contains("--port", "--data-dir", "--partitions", "--controller-port",
                "--bind", "--advertise", "KAFKA_ADVERTISED_HOST");
    }

    @Test
    void mistakesAreExplained() {
        assertThatThrownBy(() -> BrokerCommandLine.parse(new String[] {"--port", "9092"}, Map.of()))
                .hasMessageContaining("--data-dir");
        assertThatThrownBy(() -> BrokerCommandLine.parse(new String[] {"--data-dir", "d", "--port", "x"}, Map.of()))
                .hasMessageContaining("--port must be a number");
        assertThatThrownBy(() -> BrokerCommandLine.parse(new String[] {"--data-dir", "d", "--port", "70000"}, Map.of()))
                .hasMessageContaining("0..65535");
        assertThatThrownBy(() -> BrokerCommandLine.parse(new String[] {"--data-dir", "d", "--partitions", "0"}, Map.of()))
                .hasMessageContaining("at least 1");
        assertThatThrownBy(() -> BrokerCommandLine.parse(new String[] {"--data-dir"}, Map.of()))
                .hasMessageContaining("Missing value after --data-dir");
        assertThatThrownBy(() -> BrokerCommandLine.parse(new String[] {"--verbose", "yes"}, Map.of()))
                .hasMessageContaining("Unknown option --verbose");
        assertThatThrownBy(() -> BrokerCommandLine.parse(new String[] {"--data-dir", "d", "--advertise", "0.0.0.0"}, Map.of()))
                .hasMessageContaining("not 0.0.0.0").hasMessageContaining("--bind");
    }

    @Test
    void aKeyStoreAndUsersPutTheClientListenerOnSaslSsl(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path keyStore = java.nio.file.Files.createFile(dir.resolve("server.p12"));

        BrokerCommandLine line = BrokerCommandLine.parse(new String[] {"--data-dir", "d", "--ssl-keystore", keyStore.toString()},
                Map.of("KAFKA_SSL_KEYSTORE_PASSWORD", "pw", "KAFKA_SASL_USERS", "central:a,cp:b:c"));

        assertThat(line.security().keyStore()).isEqualTo(keyStore.toAbsolutePath());
        assertThat(line.security().users()).containsEntry("central", "a").containsEntry("cp", "b:c");
        assertThat(BrokerCommandLine.parse(new String[] {"--data-dir", "d"}, Map.of()).security()).isNull();
    }

    @Test
    void anIncompleteSaslSslSetupIsRefusedWithWhatIsMissing() {
        assertThatThrownBy(() -> BrokerCommandLine.parse(new String[] {"--data-dir", "d", "--sasl-users", "a:b"}, Map.of()))
                .hasMessageContaining("--ssl-keystore");
        assertThatThrownBy(() -> BrokerCommandLine.parse(new String[] {"--data-dir", "d", "--ssl-keystore", "/no/such.p12",
                "--sasl-users", "a:b"}, Map.of()))
                .hasMessageContaining("cannot be read");
        assertThatThrownBy(() -> BrokerSecurity.parseUsers("nopassword"))
                .hasMessageContaining("NAME:PASSWORD");
    }
}
