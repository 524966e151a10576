package org.evcharging.agent.engine;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

import org.evcharging.agent.CommandContext;
import org.evcharging.agent.ProcessCommand;
import org.evcharging.agent.RunningAgent;
import org.evcharging.agent.config.Checks;
import org.evcharging.agent.config.Converters.BrokerList;
import org.evcharging.agent.config.Converters.ListenAddress;
import org.evcharging.agent.config.Env;
import org.evcharging.agent.config.HostPort;
import org.evcharging.agent.console.EventLog;
import org.evcharging.agent.console.LoggingSetup;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code engine <broker_ip:port> [--debug_port PORT] [options]}: the design's EV_CP_E command line. */
@Command(name = "engine", mixinStandardHelpOptions = true,
        header = "Runs a charging point's Engine (EV_CP_E): the charger its Monitor connects to.",
        footer = {"Menu: lines on standard input (1 request, 2 plug in, 3 unplug, 4 fault, 5 recover, 6 status,"
                + " 0 leave); the Engine keeps running when the input ends.",
                "Example: ${COMMAND-FULL-NAME} localhost:9092 --debug_port 5003"})
public final class EngineCommand extends ProcessCommand {

    static final String DEBUG_BROKER = "localhost:9092";

    @Env("BROKER_ADDRESS")
    @Parameters(index = "0", arity = "0..1", paramLabel = "<broker_ip:port>", converter = BrokerList.class,
            description = "Kafka bootstrap address (several: host1:9092,host2:9092)")
    private String broker;

    @Option(names = {"--debug_port", "--debug-port"}, paramLabel = "PORT",
            description = "listen on localhost:PORT, as the design's Engine does; wins over --listen")
    private Integer debugPort;

    @Env("IP_PORT_EV_CP_E")
    @Option(names = "--listen", paramLabel = "IP:PORT", converter = ListenAddress.class, defaultValue = "localhost:6000",
            description = "where the Monitor connects; port 0 lets the system choose")
    private HostPort listen;

    @Env("MAX_CHARGING_DURATION")
    @Option(names = "--max-duration", paramLabel = "SECONDS", defaultValue = "30",
            description = "a supply ends after this much metering")
    private Duration maxDuration;

    @Env("ENGINE_TICK_MS")
    @Option(names = "--tick-ms", paramLabel = "MILLIS", defaultValue = "1000",
            description = "metering period: one charging_data per tick")
    private int tickMs;

    @Env("ENGINE_POWER_KW")
    @Option(names = "--power-kw", paramLabel = "KW", defaultValue = "36",
            description = "charging power; energy per tick = power x tick (36 kW x 1 s = 0.01 kWh)")
    private double powerKw;

    @Env("ENGINE_DATA_DIR")
    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "where engine-state.json keeps the supply and undelivered reports (default ./cp-data/<port>)")
    private Path dataDir;

    @Env("ENGINE_PLUG_MODE")
    @Option(names = "--plug", paramLabel = "auto|manual", defaultValue = "auto",
            description = "auto: the vehicle counts as plugged when Central authorizes; manual: menu 2 plugs it in")
    private PlugMode plug;

    @Env("DEBUG_MODE")
    @Option(names = "--debug", defaultValue = "false",
            description = "verbose logging; a missing <broker_ip:port> defaults to " + DEBUG_BROKER)
    private boolean debug;

    public EngineCommand(CommandContext context) {
        super(context);
    }

    @Override
    protected RunningAgent start() throws IOException {
        EngineOptions options = options();
        LoggingSetup.configure(options.debug());
        return EngineAgent.start(options, new EventLog(context.out()), context.in());
    }

    EngineOptions options() {
        String brokerAddress = Checks.given(spec, 0, broker, debug ? DEBUG_BROKER : null);
        HostPort address = debugPort == null ? listen
                : new HostPort("localhost", Checks.within(spec, "--debug_port", debugPort, 0, HostPort.MAX_PORT));
        Duration tick = Duration.ofMillis(Checks.within(spec, "--tick-ms", tickMs, 10, 3_600_000));
        return new EngineOptions(brokerAddress, address, Checks.atLeast(spec, "--max-duration", maxDuration, tick), tick,
                Checks.atLeast(spec, "--power-kw", powerKw, 0.0), dataDir, plug, debug);
    }
}
