package org.evcharging.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Node;
import org.evcharging.api.Topics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What other machines see: a client is told the advertised address in metadata, whatever address
 * it reached the broker through, and then talks to the broker there.
 */
class EmbeddedKafkaAdvertisedAddressTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @TempDir
    Path dataDir;

    @Test
    void aClientReachingTheBrokerThroughLoopbackIsToldTheAdvertisedAddressAndUsesIt() throws Exception {
        String advertised = anotherAddressOfThisMachine();
        try (EmbeddedKafkaBroker kafka = EmbeddedKafkaBroker.builder().dataDir(dataDir).advertisedHost(advertised).build()) {
            kafka.start(TIMEOUT);
            String throughLoopback = "127.0.0.1:" + kafka.port();

            assertThat(kafka.bootstrapServers()).isEqualTo(advertised + ":" + kafka.port());
            assertThat(clusterNodes(throughLoopback)).extracting(Node::host, Node::port)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(advertised, kafka.port()));
            roundTrip(throughLoopback);
            roundTrip(kafka.bootstrapServers());
        }
    }

    @Test
    void aBindHostKeepsTheClientPortOffTheOtherAddresses() throws Exception {
        assumeTrue(bindable("127.0.0.2"), "127.0.0.2 is not an address of this machine (not Linux?)");
        try (EmbeddedKafkaBroker kafka = EmbeddedKafkaBroker.builder().dataDir(dataDir)
                .bindHost("127.0.0.2").advertisedHost("127.0.0.2").build()) {
            kafka.start(TIMEOUT);

            assertThat(clusterNodes("127.0.0.2:" + kafka.port())).extracting(Node::host).containsExactly("127.0.0.2");
            roundTrip(kafka.bootstrapServers());
            assertThatThrownBy(() -> new Socket("127.0.0.1", kafka.port()).close()).isInstanceOf(IOException.class);
        }
    }

    @Test
    void aBindHostOfAnotherMachineIsRefusedBeforeKafkaStarts() {
        // TEST-NET-3: documentation only, never an address of this machine.
        EmbeddedKafkaBroker kafka = EmbeddedKafkaBroker.builder().dataDir(dataDir).bindHost("203.0.113.77").build();

        assertThatThrownBy(() -> kafka.start(TIMEOUT)).hasMessageContaining("not an address of this machine");
    }

    private static Collection<Node> clusterNodes(String bootstrap) throws Exception {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (Admin admin = Admin.create(config)) {
            return admin.describeCluster().nodes().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        }
    }

    private static void roundTrip(String bootstrap) {
        String prefix = KafkaTestClients.uniquePrefix("advertised");
        List<String> keys = KafkaTestClients.uniqueKeys(prefix, 2);
        KafkaTestClients.produce(bootstrap, Topics.DRIVER_RESPONSES, keys, 3);
        assertThat(KafkaTestClients.consume(bootstrap, Topics.DRIVER_RESPONSES, prefix, 6, TIMEOUT)).hasSize(6);
    }

    /** A LAN address of this machine (what `hostname -I` lists), or 127.0.0.2 where there is none. */
    private static String anotherAddressOfThisMachine() throws SocketException {
        for (NetworkInterface nic : NetworkInterface.networkInterfaces().toList()) {
            if (!nic.isUp() || nic.isLoopback()) {
                continue;
            }
            for (InetAddress address : nic.inetAddresses().toList()) {
                if (address instanceof Inet4Address && !address.isLinkLocalAddress() && bindable(address.getHostAddress())) {
                    return address.getHostAddress();
                }
            }
        }
        assumeTrue(bindable("127.0.0.2"), "no address of this machine other than 127.0.0.1");
        return "127.0.0.2";
    }

    private static boolean bindable(String host) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(host, 0));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
