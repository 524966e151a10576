package org.evcharging.agent.monitor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

import org.evcharging.agent.CommandContext;
import org.evcharging.agent.ProcessCommand;
import org.evcharging.agent.RunningAgent;
import org.evcharging.agent.config.Checks;
import org.evcharging.agent.config.Env;
import org.evcharging.agent.config.HostPort;
import org.evcharging.agent.config.HostPortList;
import org.evcharging.agent.console.EventLog;
import org.evcharging.agent.console.LoggingSetup;
import org.evcharging.agent.console.Terminal;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/**
 * {@code monitor <engine_ip:port> <central_ip:port>[,<central_ip:port>...] <cp_id> [options]}: the design's EV_CP_M
 * command line; several Centrals are tried in order, one address stays what the design asks for.
 */
@Command(name = "monitor", mixinStandardHelpOptions = true,
        header = "Runs a charging point's Monitor (EV_CP_M): registers the CP with Central and watches its Engine.",
        footer = {"Example: ${COMMAND-FULL-NAME} localhost:5003 localhost:5000 cp_001",
                "Several Centrals, tried in order (the Monitor stays on the one that answers, fails over to the next"
                        + " when it is lost): ${COMMAND-FULL-NAME} localhost:5003 central-a:5000,central-b:5000 cp_001"})
public final class MonitorCommand extends ProcessCommand {

    static final HostPort DEBUG_ENGINE = new HostPort("localhost", 6000);
    static final HostPort DEBUG_CENTRAL = new HostPort("localhost", 5000);
    private static final Duration SHORTEST_PERIOD = Duration.ofMillis(10);

    @Env("IP_PORT_EV_CP_E")
    @Parameters(index = "0", arity = "0..1", paramLabel = "<engine_ip:port>", description = "the Engine's address")
    private HostPort engine;

    @Env("IP_PORT_EV_CP_CENTRAL")
    @Parameters(index = "1", arity = "0..1", paramLabel = "<central_ip:port>",
            description = "Central's monitor gateway; several, comma-separated, are tried in order")
    private HostPortList central;

    @Env("CP_ID")
    @Parameters(index = "2", arity = "0..1", paramLabel = "<cp_id>", description = "this charging point's id, e.g. cp_001")
    private String cpId;

    @Env("CP_LOCATION")
    @Option(names = "--location", paramLabel = "TEXT", defaultValue = MonitorOptions.DEFAULT_LOCATION,
            description = "where the CP is, sent at registration")
    private String location;

    @Env("CP_PRICE_PER_KWH")
    @Option(names = "--price", paramLabel = "EUR", defaultValue = "0.20", description = "price per kWh, sent at registration")
    private double price;

    @Env("MONITOR_HEARTBEAT_INTERVAL")
    @Option(names = "--heartbeat-interval", paramLabel = "SECONDS", defaultValue = "5",
            description = "heartbeat period, announced to Central (the design's 30 is valid)")
    private int heartbeatSeconds;

    @Env("MONITOR_HEALTH_INTERVAL")
    @Option(names = "--health-interval", paramLabel = "SECONDS", defaultValue = "1",
            description = "Engine health-check period (fractions allowed)")
    private Duration healthInterval;

    @Env("MONITOR_HEALTH_MISSES")
    @Option(names = "--health-misses", paramLabel = "N", defaultValue = "3",
            description = "unanswered health checks in a row that make the Engine faulty")
    private int healthMisses;

    @Env("MONITOR_RECONNECT_MAX")
    @Option(names = "--reconnect-max", paramLabel = "SECONDS", defaultValue = "5",
            description = "longest wait between reconnection attempts (from 0.5 s, doubling)")
    private Duration reconnectMax;

    @Env("MONITOR_DATA_DIR")
    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "where monitor-outbox.jsonl keeps completions until Central answers them (default ./cp-data/<cp_id>)")
    private Path dataDir;

    @Env("CP_CREDENTIAL")
    @Option(names = "--credential", paramLabel = "SECRET",
            description = "the CP's credential from Central's registry, presented on every connection"
                    + " (prefer --credential-file: a command line is visible to other users)")
    private String credential;

    @Env("CP_CREDENTIAL_FILE")
    @Option(names = "--credential-file", paramLabel = "FILE",
            description = "a file holding the CP's credential (its first line); without either option the CP"
                    + " is admitted by its id alone only if the operator marked it legacy")
    private Path credentialFile;

    @Env("CENTRAL_TLS_CA")
    @Option(names = "--central-ca", paramLabel = "FILE",
            description = "connect to Central over TLS, trusting only this CA (.pem, e.g. run-data/tls/ca.pem, or a "
                    + "PKCS#12 trust store); Central's certificate must name the host of <central_ip:port>. "
                    + "Default: plain TCP, as the first implementation")
    private Path centralCa;

    @Env("CENTRAL_TLS_CA_PASSWORD")
    @Option(names = "--central-ca-password", paramLabel = "PASSWORD", description = "password of a PKCS#12 trust store")
    private String centralCaPassword;

    @Env("DEBUG_MODE")
    @Option(names = "--debug", defaultValue = "false", description = "verbose logging; missing arguments default to "
            + "localhost:6000, localhost:5000 and a random cp_<n>")
    private boolean debug;

    public MonitorCommand(CommandContext context) {
        super(context);
    }

    @Override
    protected RunningAgent start() throws IOException {
        MonitorOptions options = options();
        LoggingSetup.configure(options.debug());
        return MonitorAgent.start(options, new EventLog(context.out()), Terminal.isInteractive());
    }

    MonitorOptions options() {
        HostPort engineAddress = engine != null ? engine : debugOnly(DEBUG_ENGINE, 0);
        HostPortList centralAddress = central != null ? central : HostPortList.of(debugOnly(DEBUG_CENTRAL, 1));
        String id = Checks.given(spec, 2, cpId, debug ? "cp_" + ThreadLocalRandom.current().nextInt(100_000) : null);
        if (id.isBlank()) {
            throw new ParameterException(spec.commandLine(), "<cp_id> must not be blank");
        }
        return new MonitorOptions(engineAddress, centralAddress, id, location,
                Checks.atLeast(spec, "--price", price, 0.0),
                Checks.within(spec, "--heartbeat-interval", heartbeatSeconds, 1, 3600),
                Checks.atLeast(spec, "--health-interval", healthInterval, SHORTEST_PERIOD),
                Checks.within(spec, "--health-misses", healthMisses, 1, 1000),
                Checks.atLeast(spec, "--reconnect-max", reconnectMax, SHORTEST_PERIOD),
                dataDir != null ? dataDir : MonitorOptions.defaultDataDir(id),
                debug, credential(), centralCa == null ? null : new CentralTls(centralCa, centralCaPassword));
    }

    private String credential() {
        if (credential != null && credentialFile != null) {
            throw new ParameterException(spec.commandLine(), "give --credential or --credential-file, not both");
        }
        if (credentialFile == null) {
            return credential == null || credential.isBlank() ? null : credential.strip();
        }
        try {
            String firstLine = Files.readAllLines(credentialFile).stream().findFirst().orElse("").strip();
            if (firstLine.isEmpty()) {
                throw new ParameterException(spec.commandLine(), "--credential-file " + credentialFile + " is empty");
            }
            return firstLine;
        } catch (IOException e) {
            throw new ParameterException(spec.commandLine(), "cannot read --credential-file " + credentialFile + ": " + e.getMessage());
        }
    }

    private HostPort debugOnly(HostPort fallback, int index) {
        return HostPort.parse(Checks.given(spec, index, null, debug ? fallback.toString() : null));
    }
}
