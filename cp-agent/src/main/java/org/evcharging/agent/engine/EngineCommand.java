package org.evcharging.agent.engine;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

import org.evcharging.agent.CommandContext;
import org.evcharging.agent.ProcessCommand;
import org.evcharging.agent.RunningAgent;
import org.evcharging.agent.config.CommandSpec;
import org.evcharging.agent.config.Config;
import org.evcharging.agent.config.HostPort;
import org.evcharging.agent.config.Setting;
import org.evcharging.agent.config.UsageException;
import org.evcharging.agent.console.EventLog;
import org.evcharging.agent.console.LoggingSetup;

/** {@code engine <broker_ip:port> [--debug_port PORT] [options]}: the design's EV_CP_E command line. */
public final class EngineCommand extends ProcessCommand {

    static final String DEBUG_BROKER = "localhost:9092";

    static final Setting BROKER = Setting.positional("broker_ip:port", "BROKER_ADDRESS",
            "Kafka bootstrap address (several: host1:9092,host2:9092)");
    static final Setting DEBUG_PORT = Setting.option("--debug_port", null, "PORT", null,
            "listen on localhost:PORT, as the design's Engine does; wins over --listen");
    static final Setting LISTEN = Setting.option("--listen", "IP_PORT_EV_CP_E", "IP:PORT",
            EngineOptions.DEFAULT_LISTEN.toString(), "where the Monitor connects; port 0 lets the system choose");
    static final Setting MAX_DURATION = Setting.option("--max-duration", "MAX_CHARGING_DURATION", "SECONDS",
            "30", "a supply ends after this much metering");
    static final Setting TICK = Setting.option("--tick-ms", "ENGINE_TICK_MS", "MILLIS", "1000",
            "metering period: one charging_data per tick");
    static final Setting POWER = Setting.option("--power-kw", "ENGINE_POWER_KW", "KW", "36",
            "charging power; energy per tick = power x tick (36 kW x 1 s = 0.01 kWh)");
    static final Setting DATA_DIR = Setting.option("--data-dir", "ENGINE_DATA_DIR", "DIR", "./cp-data/<port>",
            "where engine-state.json keeps the supply and undelivered reports");
    static final Setting PLUG = Setting.option("--plug", "ENGINE_PLUG_MODE", "auto|manual", "auto",
            "auto: the vehicle counts as plugged when Central authorizes; manual: menu 2 plugs it in");
    static final Setting DEBUG = Setting.flag("--debug", "DEBUG_MODE",
            "verbose logging; a missing <broker_ip:port> defaults to " + DEBUG_BROKER);

    static final CommandSpec SPEC = new CommandSpec("engine",
            "Runs a charging point's Engine (EV_CP_E): the charger its Monitor connects to.",
            List.of(BROKER), List.of(DEBUG_PORT, LISTEN, MAX_DURATION, TICK, POWER, DATA_DIR, PLUG, DEBUG),
            List.of("Menu: lines on standard input (1 request, 2 plug in, 3 unplug, 4 fault, 5 recover, 6 status,"
                    + " 0 leave); the Engine keeps running when the input ends.",
                    "Example: " + CommandSpec.PROGRAM + " engine localhost:9092 --debug_port 5003"));

    @Override
    protected CommandSpec spec() {
        return SPEC;
    }

    @Override
    protected RunningAgent start(Config config, CommandContext context) throws UsageException, IOException {
        EngineOptions options = options(config);
        LoggingSetup.configure(options.debug());
        return EngineAgent.start(options, new EventLog(context.out()), context.in());
    }

    static EngineOptions options(Config config) throws UsageException {
        boolean debug = config.bool(DEBUG);
        String broker = debug ? config.text(BROKER, DEBUG_BROKER) : config.requiredText(BROKER);
        validateBroker(config, broker);
        HostPort listen = config.isSet(DEBUG_PORT)
                ? new HostPort("localhost", config.wholeNumber(DEBUG_PORT, 0, 0, HostPort.MAX_PORT))
                : config.listenAddress(LISTEN, EngineOptions.DEFAULT_LISTEN.toString());
        Duration tick = Duration.ofMillis(config.wholeNumber(TICK, 1000, 10, 3_600_000));
        return new EngineOptions(broker, listen,
                config.seconds(MAX_DURATION, 30, tick),
                tick,
                config.decimal(POWER, EngineOptions.DEFAULT_POWER_KW, 0.0),
                config.path(DATA_DIR, null),
                config.choice(PLUG, PlugMode.AUTO),
                debug);
    }

    private static void validateBroker(Config config, String broker) throws UsageException {
        for (String server : broker.split(",")) {
            try {
                HostPort.parse(server);
            } catch (IllegalArgumentException e) {
                String origin = config.lookup(BROKER).map(Config.Value::origin).orElse("<broker_ip:port>");
                throw new UsageException("invalid " + origin + ": " + e.getMessage());
            }
        }
    }
}
