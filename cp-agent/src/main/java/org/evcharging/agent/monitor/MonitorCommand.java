package org.evcharging.agent.monitor;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

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
import org.evcharging.agent.console.Terminal;

/** {@code monitor <engine_ip:port> <central_ip:port> <cp_id> [options]}: the design's EV_CP_M command line. */
public final class MonitorCommand extends ProcessCommand {

    static final String DEBUG_ENGINE = "localhost:6000";
    static final String DEBUG_CENTRAL = "localhost:5000";

    static final Setting ENGINE = Setting.positional("engine_ip:port", "IP_PORT_EV_CP_E", "the Engine's address");
    static final Setting CENTRAL = Setting.positional("central_ip:port", "IP_PORT_EV_CP_CENTRAL",
            "Central's monitor gateway");
    static final Setting CP_ID = Setting.positional("cp_id", "CP_ID", "this charging point's id, e.g. cp_001");
    static final Setting LOCATION = Setting.option("--location", "CP_LOCATION", "TEXT",
            MonitorOptions.DEFAULT_LOCATION, "where the CP is, sent at registration");
    static final Setting PRICE = Setting.option("--price", "CP_PRICE_PER_KWH", "EUR", "0.20",
            "price per kWh, sent at registration");
    static final Setting HEARTBEAT = Setting.option("--heartbeat-interval", "MONITOR_HEARTBEAT_INTERVAL", "SECONDS",
            "5", "heartbeat period, announced to Central (the design's 30 is valid)");
    static final Setting HEALTH = Setting.option("--health-interval", "MONITOR_HEALTH_INTERVAL", "SECONDS", "1",
            "Engine health-check period (fractions allowed)");
    static final Setting MISSES = Setting.option("--health-misses", "MONITOR_HEALTH_MISSES", "N", "3",
            "unanswered health checks in a row that make the Engine faulty");
    static final Setting RECONNECT = Setting.option("--reconnect-max", "MONITOR_RECONNECT_MAX", "SECONDS", "5",
            "longest wait between reconnection attempts (from 0.5 s, doubling)");
    static final Setting DATA_DIR = Setting.option("--data-dir", "MONITOR_DATA_DIR", "DIR", "./cp-data/<cp_id>",
            "where monitor-outbox.jsonl keeps completions until Central answers them");
    static final Setting DEBUG = Setting.flag("--debug", "DEBUG_MODE", "verbose logging; missing arguments default to "
            + DEBUG_ENGINE + ", " + DEBUG_CENTRAL + " and a random cp_<n>");

    static final CommandSpec SPEC = new CommandSpec("monitor",
            "Runs a charging point's Monitor (EV_CP_M): registers the CP with Central and watches its Engine.",
            List.of(ENGINE, CENTRAL, CP_ID),
            List.of(LOCATION, PRICE, HEARTBEAT, HEALTH, MISSES, RECONNECT, DATA_DIR, DEBUG),
            List.of("Example: " + CommandSpec.PROGRAM + " monitor localhost:5003 localhost:5000 cp_001"));

    @Override
    protected CommandSpec spec() {
        return SPEC;
    }

    @Override
    protected RunningAgent start(Config config, CommandContext context) throws UsageException, IOException {
        MonitorOptions options = options(config);
        LoggingSetup.configure(options.debug());
        return MonitorAgent.start(options, new EventLog(context.out()), Terminal.isInteractive());
    }

    static MonitorOptions options(Config config) throws UsageException {
        boolean debug = config.bool(DEBUG);
        HostPort engine = config.address(ENGINE, debug ? DEBUG_ENGINE : null);
        HostPort central = config.address(CENTRAL, debug ? DEBUG_CENTRAL : null);
        String cpId = debug ? config.text(CP_ID, "cp_" + ThreadLocalRandom.current().nextInt(100_000))
                : config.requiredText(CP_ID);
        if (cpId.isBlank()) {
            throw new UsageException("<cp_id> must not be blank");
        }
        return new MonitorOptions(engine, central, cpId,
                config.text(LOCATION, MonitorOptions.DEFAULT_LOCATION),
                config.decimal(PRICE, MonitorOptions.DEFAULT_PRICE, 0.0),
                config.wholeNumber(HEARTBEAT, MonitorOptions.DEFAULT_HEARTBEAT_SECONDS, 1, 3600),
                config.seconds(HEALTH, 1, Duration.ofMillis(10)),
                config.wholeNumber(MISSES, MonitorOptions.DEFAULT_HEALTH_MISSES, 1, 1000),
                config.seconds(RECONNECT, 5, Duration.ofMillis(10)),
                config.path(DATA_DIR, MonitorOptions.defaultDataDir(cpId)),
                debug);
    }
}
