package org.evcharging.kafka;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/** The standalone broker's settings, from arguments first, then environment, then defaults. */
record BrokerCommandLine(int port, int controllerPort, Path dataDir, int partitions, String advertisedHost,
        String bindHost, Duration startTimeout, int nodeId, QuorumVoters voters, boolean helpRequested,
        BrokerSecurity security) {

    static final int DEFAULT_PORT = 9092;
    static final int DEFAULT_START_TIMEOUT_SECONDS = 120;

    static final String USAGE = String.join(System.lineSeparator(),
            "Usage: java -jar embedded-kafka.jar --data-dir DIR [--port 9092] [--partitions 3]"
                    + " [--controller-port N] [--bind ADDRESS] [--advertise HOST]",
            "Runs an Apache Kafka broker (KRaft, controller and broker in one) and creates the EV Charging topics:",
            "alone by default, or one node of a cluster given --node-id and --controller-quorum-voters.",
            "  --port N             client port (env KAFKA_PORT, default 9092; 0 picks a free one)",
            "  --data-dir DIR       where records are kept; reused on restart (env KAFKA_DATA_DIR, required)",
            "  --partitions N       partitions per topic (env KAFKA_PARTITIONS, default 3)",
            "  --controller-port N  KRaft controller port on localhost (env KAFKA_CONTROLLER_PORT, default: a free one)",
            "  --bind ADDRESS       address the client port listens on (env KAFKA_BIND_HOST, default every interface)",
            "  --advertise HOST     host clients are told to connect to: an address or name the other machines",
            "                       reach, e.g. this machine's LAN address (env KAFKA_ADVERTISED_HOST, default localhost:",
            "                       this machine only); --host / KAFKA_HOST are older names of it",
            "  --start-timeout S    give up starting after S seconds (env KAFKA_START_TIMEOUT, default 120)",
            "  --ssl-keystore FILE  serve clients over SASL_SSL with this PKCS#12 key store (env KAFKA_SSL_KEYSTORE;",
            "                       default: PLAINTEXT); it must hold the CA certificate too",
            "  --ssl-keystore-password PW  its password (env KAFKA_SSL_KEYSTORE_PASSWORD)",
            "  --sasl-users N:P,... who may sign in, by PLAIN or SCRAM-SHA-512 (env KAFKA_SASL_USERS; required with",
            "                       --ssl-keystore)",
            "  --node-id N          this node's id among the voters (env KAFKA_NODE_ID, default 1)",
            "  --controller-quorum-voters ID@HOST:PORT,...",
            "                       the cluster's controllers, the same list on every node, e.g.",
            "                       1@localhost:19093,2@localhost:29093,3@localhost:39093; this node's controller",
            "                       listens on its own entry (env KAFKA_CONTROLLER_QUORUM_VOTERS, default: alone).",
            "                       With 3 nodes topics get 3 replicas and min.insync.replicas=2",
            "  --help               print this text",
            "Prints '" + KafkaBrokerMain.READY_PREFIX + "HOST:PORT' once clients can connect.");

    static BrokerCommandLine parse(String[] args, Map<String, String> env) {
        String port = env.get("KAFKA_PORT");
        String controllerPort = env.get("KAFKA_CONTROLLER_PORT");
        String dataDir = env.get("KAFKA_DATA_DIR");
        String partitions = env.get("KAFKA_PARTITIONS");
        String host = firstGiven(env.get("KAFKA_ADVERTISED_HOST"), env.get("KAFKA_HOST"));
        String bind = env.get("KAFKA_BIND_HOST");
        String startTimeout = env.get("KAFKA_START_TIMEOUT");
        String keyStore = env.get("KAFKA_SSL_KEYSTORE");
        String keyStorePassword = env.getOrDefault("KAFKA_SSL_KEYSTORE_PASSWORD", "");
        String users = env.get("KAFKA_SASL_USERS");
        String nodeId = env.get("KAFKA_NODE_ID");
        String voters = env.get("KAFKA_CONTROLLER_QUORUM_VOTERS");
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (option.equals("--help") || option.equals("-h")) {
                return new BrokerCommandLine(0, 0, null, 0, null, null, null, 0, null, true, null);
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("Missing value after " + option);
            }
            String value = args[++i];
            switch (option) {
                case "--port" -> port = value;
                case "--controller-port" -> controllerPort = value;
                case "--data-dir" -> dataDir = value;
                case "--partitions" -> partitions = value;
                case "--advertise", "--host" -> host = value;
                case "--bind" -> bind = value;
                case "--start-timeout" -> startTimeout = value;
                case "--ssl-keystore" -> keyStore = value;
                case "--ssl-keystore-password" -> keyStorePassword = value;
                case "--sasl-users" -> users = value;
                case "--node-id" -> nodeId = value;
                case "--controller-quorum-voters" -> voters = value;
                default -> throw new IllegalArgumentException("Unknown option " + option);
            }
        }
        if (dataDir == null || dataDir.isBlank()) {
            throw new IllegalArgumentException("--data-dir (or KAFKA_DATA_DIR) is required");
        }
        return new BrokerCommandLine(
                portNumber(port, DEFAULT_PORT, "--port"),
                portNumber(controllerPort, 0, "--controller-port"),
                Path.of(dataDir),
                positive(partitions, EvChargingTopics.DEFAULT_PARTITIONS, "--partitions"),
                advertised(host),
                bind == null || BrokerSettings.isWildcard(bind) ? "" : bind.trim(),
                Duration.ofSeconds(positive(startTimeout, DEFAULT_START_TIMEOUT_SECONDS, "--start-timeout")),
                number(nodeId, CombinedModeConfig.NODE_ID, "--node-id"),
                voters(voters, number(nodeId, CombinedModeConfig.NODE_ID, "--node-id")),
                false, security(keyStore, keyStorePassword, users));
    }

    EmbeddedKafkaBroker toBroker() {
        BrokerSettings.Builder builder = EmbeddedKafkaBroker.builder().nodeId(nodeId).voters(voters);
        if (voters == null) {
            builder.controllerPort(controllerPort);
        }
        return builder
                .port(port)
                .dataDir(dataDir)
                .partitions(partitions)
                .advertisedHost(advertisedHost)
                .bindHost(bindHost)
                .security(security)
                .build();
    }

    private static BrokerSecurity security(String keyStore, String password, String users) {
        if (keyStore == null || keyStore.isBlank()) {
            if (users != null && !users.isBlank()) {
                throw new IllegalArgumentException("--sasl-users needs --ssl-keystore: SASL passwords never travel in clear");
            }
            return null;
        }
        if (!java.nio.file.Files.isReadable(Path.of(keyStore))) {
            throw new IllegalArgumentException("--ssl-keystore " + keyStore + " cannot be read");
        }
        if (users == null || users.isBlank()) {
            throw new IllegalArgumentException("--ssl-keystore needs --sasl-users NAME:PASSWORD[,...]");
        }
        return new BrokerSecurity(Path.of(keyStore), password, BrokerSecurity.parseUsers(users));
    }

    private static QuorumVoters voters(String text, int nodeId) {
        if (text == null || text.isBlank()) {
            return null;
        }
        QuorumVoters voters;
        try {
            voters = QuorumVoters.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--controller-quorum-voters: " + e.getMessage(), e);
        }
        voters.voter(nodeId); // refuses a node id that is not among them
        return voters;
    }

    private static String advertised(String host) {
        if (host == null || host.isBlank()) {
            return "localhost";
        }
        if (BrokerSettings.isWildcard(host)) {
            throw new IllegalArgumentException("--advertise must be an address clients can connect to, not "
                    + host + " (that is a bind address: use --bind)");
        }
        return host.trim();
    }

    private static String firstGiven(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }

    private static int portNumber(String value, int fallback, String option) {
        int port = number(value, fallback, option);
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException(option + " must be a port number 0..65535, got " + value);
        }
        return port;
    }

    private static int positive(String value, int fallback, String option) {
        int number = number(value, fallback, option);
        if (number < 1) {
            throw new IllegalArgumentException(option + " must be at least 1, got " + value);
        }
        return number;
    }

    private static int number(String value, int fallback, String option) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " must be a number, got '" + value + "'", e);
        }
    }
}
