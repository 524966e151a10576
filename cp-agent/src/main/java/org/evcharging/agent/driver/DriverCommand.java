package org.evcharging.agent.driver;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.evcharging.agent.CommandContext;
import org.evcharging.agent.ProcessCommand;
import org.evcharging.agent.SpecCommand;
import org.evcharging.agent.config.CommandLine;
import org.evcharging.agent.config.CommandSpec;
import org.evcharging.agent.config.Config;
import org.evcharging.agent.config.HostPort;
import org.evcharging.agent.config.Setting;
import org.evcharging.agent.config.UsageException;
import org.evcharging.agent.console.LoggingSetup;
import org.evcharging.agent.console.Terminal;

/**
 * {@code driver <broker_ip:port> <driver_id> [--services FILE] [options]}: the design's EV_Driver.
 * Unlike the Engine and Monitor it ends by itself (menu 0, end of input, services done), so it is
 * a plain {@link SpecCommand} rather than a long-running {@link org.evcharging.agent.ProcessCommand}.
 */
public final class DriverCommand extends SpecCommand {

    static final String DEBUG_BROKER = "localhost:9092";

    static final Setting BROKER = Setting.positional("broker_ip:port", "BROKER_ADDRESS",
            "Kafka bootstrap address (several: host1:9092,host2:9092)");
    static final Setting DRIVER_ID = Setting.positional("driver_id", "DRIVER_ID", "this driver's id, e.g. driver_001");
    static final Setting SERVICES = Setting.option("--services", "DRIVER_SERVICES_FILE", "FILE", null,
            "run unattended: one CP id per line (blank lines and # comments skipped), then exit");
    static final Setting PAUSE = Setting.option("--pause-seconds", "DRIVER_PAUSE_SECONDS", "SECONDS", "4",
            "with --services: wait after a service ended or was refused before the next request");
    static final Setting ANSWER_TIMEOUT = Setting.option("--answer-timeout", "DRIVER_ANSWER_TIMEOUT", "SECONDS", "10",
            "after this long without Central's answer print 'Cannot connect to CENTRAL'"
                    + " (with --services the request is then sent again)");
    static final Setting DEBUG = Setting.flag("--debug", "DEBUG_MODE", "verbose logging; missing arguments default to "
            + DEBUG_BROKER + " and a random driver_<n>");

    static final CommandSpec SPEC = new CommandSpec("driver",
            "Runs a driver's terminal (EV_Driver): asks Central for charging over Kafka and shows progress and tickets.",
            List.of(BROKER, DRIVER_ID), List.of(SERVICES, PAUSE, ANSWER_TIMEOUT, DEBUG),
            List.of("Menu: lines on standard input (1 list CPs, 2 request charging, 3 stop, 4 status, 5 history,"
                    + " 0 exit); the driver exits when the input ends.",
                    "With BROKER_ADDRESS set, '" + CommandSpec.PROGRAM + " driver <driver_id>' is enough.",
                    "Example: " + CommandSpec.PROGRAM + " driver localhost:9092 driver_001 --services services.txt"));

    /** Exit status when Kafka or the services file cannot be used. */
    static final int RUN_FAILURE = 1;

    @Override
    protected CommandSpec spec() {
        return SPEC;
    }

    @Override
    protected int run(Config config, CommandContext context) throws UsageException {
        Config environmentOnly = new Config(CommandLine.parse(SPEC, List.of()), context.environment(),
                context.dotEnv());
        DriverOptions options = options(config, environmentOnly, Terminal.isInteractive());
        LoggingSetup.configure(config.bool(DEBUG));
        DriverApp app = new DriverApp(options, context.in(), context.out());
        Thread closer = new Thread(app::close, "driver-shutdown");
        Runtime.getRuntime().addShutdownHook(closer);
        try {
            app.run();
            return 0;
        } catch (IOException e) {
            context.err().println("cp-agent driver: error: " + e.getMessage());
            return RUN_FAILURE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return RUN_FAILURE;
        } finally {
            app.close();
            removeHook(closer);
        }
    }

    static DriverOptions options(Config config, Config environmentOnly, boolean interactive) throws UsageException {
        boolean debug = config.bool(DEBUG);
        String broker = debug ? config.text(BROKER, DEBUG_BROKER) : config.requiredText(BROKER);
        String driverId = config.text(DRIVER_ID, null);
        if (driverId == null && !looksLikeBroker(broker) && environmentOnly.isSet(BROKER)) {
            // A single argument with BROKER_ADDRESS in the environment is the driver id.
            driverId = broker;
            broker = environmentOnly.requiredText(BROKER);
        }
        if (driverId == null) {
            driverId = debug ? "driver_" + ThreadLocalRandom.current().nextInt(100_000) : config.requiredText(DRIVER_ID);
        }
        if (driverId.isBlank()) {
            throw new UsageException("<driver_id> must not be blank");
        }
        if (!looksLikeBroker(broker)) {
            throw new UsageException("invalid <broker_ip:port> '" + broker + "': expected host:port[,host:port...]");
        }
        Path services = config.path(SERVICES, null);
        if (services != null && !Files.isReadable(services)) {
            throw new UsageException("cannot read the services file " + services);
        }
        return new DriverOptions(broker, driverId.strip(), services,
                config.seconds(PAUSE, 4, Duration.ZERO),
                config.seconds(ANSWER_TIMEOUT, 10, Duration.ofMillis(100)),
                interactive);
    }

    private static boolean looksLikeBroker(String text) {
        for (String server : text.split(",")) {
            try {
                HostPort.parse(server.strip());
            } catch (IllegalArgumentException e) {
                return false;
            }
        }
        return true;
    }

    private static void removeHook(Thread closer) {
        try {
            Runtime.getRuntime().removeShutdownHook(closer);
        } catch (IllegalStateException e) {
            // The JVM is already shutting down; the hook closes the app (again, harmlessly).
        }
    }
}
