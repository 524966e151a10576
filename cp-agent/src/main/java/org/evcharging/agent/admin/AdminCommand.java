package org.evcharging.agent.admin;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.evcharging.agent.CommandContext;
import org.evcharging.agent.SpecCommand;
import org.evcharging.agent.config.CommandSpec;
import org.evcharging.agent.config.Config;
import org.evcharging.agent.config.Setting;
import org.evcharging.agent.config.UsageException;
import org.evcharging.agent.console.Terminal;

/**
 * {@code admin <central_http_url> [--user U --password P]}: the design's admin console (EV_CENTRAL
 * ADMIN CONTROL MENU) as a client of Central's admin REST API.
 */
public final class AdminCommand extends SpecCommand {

    static final Setting CENTRAL = Setting.positional("central_http_url", "CENTRAL_HTTP_URL",
            "Central's HTTP address, e.g. http://localhost:9080");
    static final Setting USER = Setting.option("--user", "ADMIN_USER", "USER", "admin", "operator user name");
    static final Setting PASSWORD = Setting.option("--password", "ADMIN_PASSWORD", "PASSWORD", "admin",
            "operator password");
    static final Setting TIMEOUT = Setting.option("--timeout", "ADMIN_TIMEOUT", "SECONDS", "10",
            "how long to wait for Central's answer");
    static final Setting SESSIONS = Setting.option("--sessions", "ADMIN_SESSION_LIMIT", "N", "50",
            "how many of the most recent sessions menu 5 lists");

    static final CommandSpec SPEC = new CommandSpec("admin",
            "Runs the operator's admin console (EV_CENTRAL admin menu) against Central's admin REST API.",
            List.of(CENTRAL), List.of(USER, PASSWORD, TIMEOUT, SESSIONS),
            List.of("Menu: one line per choice on standard input (1-11, 0 exit); items that need an id read it"
                    + " from the next line, so input can be piped: printf '9\\ncp_001\\n0\\n' | ... admin URL",
                    "Colours only when standard output is a terminal.",
                    "Example: " + CommandSpec.PROGRAM + " admin http://localhost:9080 --user admin --password admin"));

    /** Exit status when standard input cannot be read. */
    static final int RUN_FAILURE = 1;

    @Override
    protected CommandSpec spec() {
        return SPEC;
    }

    @Override
    protected int run(Config config, CommandContext context) throws UsageException {
        URI central = centralUri(config.requiredText(CENTRAL));
        Duration timeout = config.seconds(TIMEOUT, 10, Duration.ofMillis(100));
        int sessions = config.wholeNumber(SESSIONS, 50, 1, 1000);
        AdminClient client = new AdminClient(central, config.text(USER, "admin"), config.text(PASSWORD, "admin"), timeout);
        try {
            new AdminConsole(client, new Palette(Terminal.isInteractive()), context.in(), context.out(), sessions).run();
            return 0;
        } catch (IOException e) {
            context.err().println("cp-agent admin: error: cannot read the input: " + e.getMessage());
            return RUN_FAILURE;
        }
    }

    static URI centralUri(String text) throws UsageException {
        try {
            URI uri = new URI(text.contains("://") ? text : "http://" + text);
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                throw new UsageException("invalid <central_http_url> '" + text + "': expected http://host:port");
            }
            return uri;
        } catch (java.net.URISyntaxException e) {
            throw new UsageException("invalid <central_http_url> '" + text + "': " + e.getReason());
        }
    }
}
