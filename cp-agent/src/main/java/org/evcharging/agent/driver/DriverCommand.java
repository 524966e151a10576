package org.evcharging.agent.driver;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;

import org.evcharging.agent.CommandContext;
import org.evcharging.agent.config.Checks;
import org.evcharging.agent.config.Env;
import org.evcharging.agent.config.EnvironmentDefaults;
import org.evcharging.agent.config.HostPort;
import org.evcharging.agent.console.LoggingSetup;
import org.evcharging.agent.console.Terminal;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code driver <broker_ip:port> <driver_id> [--services FILE] [options]}: the design's EV_Driver.
 * Unlike the Engine and Monitor it ends by itself (menu 0, end of input, services done), so it is
 * not a long-running {@link org.evcharging.agent.ProcessCommand}.
 */
@Command(name = "driver", mixinStandardHelpOptions = true,
        header = "Runs a driver's terminal (EV_Driver): asks Central for charging over Kafka and shows progress and tickets.",
        footer = {"Menu: lines on standard input (1 list CPs, 2 request charging, 3 stop, 4 status, 5 history,"
                + " 0 exit); the driver exits when the input ends.",
                "With BROKER_ADDRESS set, '${COMMAND-FULL-NAME} <driver_id>' is enough.",
                "Example: ${COMMAND-FULL-NAME} localhost:9092 driver_001 --services services.txt"})
public final class DriverCommand implements Callable<Integer> {

    static final String DEBUG_BROKER = "localhost:9092";
    /** Exit status when Kafka or the services file cannot be used. */
    static final int RUN_FAILURE = 1;

    @Env("BROKER_ADDRESS")
    @Parameters(index = "0", arity = "0..1", paramLabel = "<broker_ip:port>",
            description = "Kafka bootstrap address (several: host1:9092,host2:9092)")
    private String broker;

    @Env("DRIVER_ID")
    @Parameters(index = "1", arity = "0..1", paramLabel = "<driver_id>", description = "this driver's id, e.g. driver_001")
    private String driverId;

    @Env("DRIVER_SERVICES_FILE")
    @Option(names = "--services", paramLabel = "FILE",
            description = "run unattended: one CP id per line (blank lines and # comments skipped), then exit")
    private Path services;

    @Env("DRIVER_PAUSE_SECONDS")
    @Option(names = "--pause-seconds", paramLabel = "SECONDS", defaultValue = "4",
            description = "with --services: wait after a service ended or was refused before the next request")
    private Duration pause;

    @Env("DRIVER_ANSWER_TIMEOUT")
    @Option(names = "--answer-timeout", paramLabel = "SECONDS", defaultValue = "10",
            description = "after this long without Central's answer print 'Cannot connect to CENTRAL'"
                    + " (with --services the request is then sent again)")
    private Duration answerTimeout;

    @Env("DEBUG_MODE")
    @Option(names = "--debug", defaultValue = "false", description = "verbose logging; missing arguments default to "
            + DEBUG_BROKER + " and a random driver_<n>")
    private boolean debug;

    @Spec
    private CommandSpec spec;

    private final CommandContext context;

    public DriverCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        DriverOptions options = options(Terminal.isInteractive());
        LoggingSetup.configure(debug);
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

    DriverOptions options(boolean interactive) {
        String servers = Checks.given(spec, 0, broker, debug ? DEBUG_BROKER : null);
        String id = driverId;
        Optional<String> brokerVariable = EnvironmentDefaults.of(spec).value("BROKER_ADDRESS");
        if (id == null && !looksLikeBroker(servers) && brokerVariable.isPresent()) {
            // A single argument with BROKER_ADDRESS in the environment is the driver id.
            id = servers;
            servers = brokerVariable.get();
        }
        id = Checks.given(spec, 1, id, debug ? "driver_" + ThreadLocalRandom.current().nextInt(100_000) : null);
        if (id.isBlank()) {
            throw usage("<driver_id> must not be blank");
        }
        if (!looksLikeBroker(servers)) {
            throw usage("invalid <broker_ip:port> '" + servers + "': expected host:port[,host:port...]");
        }
        if (services != null && !Files.isReadable(services)) {
            throw usage("cannot read the services file " + services);
        }
        return new DriverOptions(servers, id.strip(), services,
                Checks.atLeast(spec, "--pause-seconds", pause, Duration.ZERO),
                Checks.atLeast(spec, "--answer-timeout", answerTimeout, Duration.ofMillis(100)),
                interactive);
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
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
