package org.evcharging.agent.admin;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.concurrent.Callable;

import org.evcharging.agent.CommandContext;
import org.evcharging.agent.config.Checks;
import org.evcharging.agent.config.Env;
import org.evcharging.agent.console.Terminal;

import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code admin <central_http_url> [--user U --password P]}: the design's admin console (EV_CENTRAL
 * ADMIN CONTROL MENU) as a client of Central's admin REST API.
 */
@Command(name = "admin", mixinStandardHelpOptions = true,
        header = "Runs the operator's admin console (EV_CENTRAL admin menu) against Central's admin REST API.",
        footer = {"Menu: one line per choice on standard input (1-11, 0 exit); items that need an id read it"
                + " from the next line, so input can be piped: printf '9\\ncp_001\\n0\\n' | ... admin URL",
                "Colours only when standard output is a terminal.",
                "Example: ${COMMAND-FULL-NAME} http://localhost:9080 --user admin --password \"$(cat run-data/admin-password)\""})
public final class AdminCommand implements Callable<Integer> {

    /** Exit status when standard input cannot be read. */
    static final int RUN_FAILURE = 1;

    @Env("CENTRAL_HTTP_URL")
    @Parameters(index = "0", arity = "0..1", paramLabel = "<central_http_url>", converter = CentralUrl.class,
            description = "Central's HTTP address, e.g. http://localhost:9080")
    private URI central;

    @Env("ADMIN_USER")
    @Option(names = "--user", paramLabel = "USER", defaultValue = "admin", description = "operator user name")
    private String user;

    @Env("ADMIN_PASSWORD")
    @Option(names = "--password", paramLabel = "PASSWORD", defaultValue = "",
            description = "operator password (no default: ./evcharging start prints the generated one)")
    private String password;

    @Env("ADMIN_TIMEOUT")
    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "10",
            description = "how long to wait for Central's answer")
    private Duration timeout;

    @Env("ADMIN_SESSION_LIMIT")
    @Option(names = "--sessions", paramLabel = "N", defaultValue = "50",
            description = "how many of the most recent sessions menu 5 lists")
    private int sessions;

    @Spec
    private CommandSpec spec;

    private final CommandContext context;

    public AdminCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        if (central == null) {
            throw Checks.missing(spec, 0);
        }
        AdminClient client = new AdminClient(central, user, password,
                Checks.atLeast(spec, "--timeout", timeout, Duration.ofMillis(100)));
        int limit = Checks.within(spec, "--sessions", sessions, 1, 1000);
        try {
            new AdminConsole(client, new Palette(Terminal.isInteractive()), context.in(), context.out(), limit).run();
            return 0;
        } catch (IOException e) {
            context.err().println("cp-agent admin: error: cannot read the input: " + e.getMessage());
            return RUN_FAILURE;
        }
    }

    /** {@code http://host:port}; a bare {@code host:port} means http. */
    static final class CentralUrl implements ITypeConverter<URI> {
        @Override
        public URI convert(String text) {
            try {
                URI uri = new URI(text.contains("://") ? text : "http://" + text);
                if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                    throw new TypeConversionException("'" + text + "' is not http://host:port");
                }
                return uri;
            } catch (URISyntaxException e) {
                throw new TypeConversionException("'" + text + "': " + e.getReason());
            }
        }
    }
}
