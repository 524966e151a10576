package it.org.evcharging.central.operator;

import static org.assertj.core.api.Assertions.assertThat;

import it.org.evcharging.central.support.AdminApi;
import it.org.evcharging.central.support.CentralFixture;
import it.org.evcharging.central.support.FakeMonitor;
import it.org.evcharging.central.support.SharedCentral;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.evcharging.api.message.monitor.ResumeCpCommand;
import org.evcharging.api.message.monitor.StopCpCommand;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The admin console as an operator scripts it: the real jar as a process, menu choices piped on
 * standard input, against the real Central with a connected CP that receives the commands.
 */
@ExtendWith(SharedCentral.class)
class AdminConsoleIT {

    private static final String CP = "cp_console_1";
    private static CentralFixture system;
    private static AdminApi admin;

    @BeforeAll
    static void startSystem() throws Exception {
        system = SharedCentral.system();
        admin = new AdminApi(system.central().baseUri(), null);
    }

    @Test
    void pipedMenuChoicesListTheCpsThenStopAndResumeOne() throws Exception {
        try (FakeMonitor cp = ScriptedCharge.pendingCp(system, CP)) {
            String pending = console("7\n8\n" + CP + "\n0\n");
            assertThat(pending).containsPattern(CP + "\\s+Unknown\\s+0\\.00\\s+DISCONNECTED\\s+PENDING")
                    .contains("Authorized: " + CP)
                    .containsPattern("Credential of " + CP + " \\(shown once\\): [A-Za-z0-9_-]{43}");
            cp.await(org.evcharging.api.message.monitor.AuthResponse.class,
                    r -> org.evcharging.api.message.ReplyStatus.SUCCESS.equals(r.status()), ScriptedCharge.WAIT);
            ScriptedCharge.activate(cp, CP);

            int monitorsBefore = connectedMonitors();
            String out = console("1\n9\n" + CP + "\n4\n" + CP + "\n10\n" + CP + "\n11\n0\n");
            int monitorsAfter = connectedMonitors();

            assertThat(out).containsPattern(CP + "\\s+Alicante " + CP + "\\s+0\\.30\\s+ACTIVE\\s+AUTHORIZED")
                    .contains("Stopped: " + CP, "Resumed: " + CP)
                    .containsPattern("Status:\\s+STOPPED \\(Out of Order\\)")
                    .doesNotContain("Error:", "\u001b[");
            // Central is shared with other classes: the console shows the count Central reports, this CP included.
            Matcher monitors = Pattern.compile("Connected monitors:\\s+(\\d+)").matcher(out);
            assertThat(monitors.find()).as(out).isTrue();
            assertThat(Integer.parseInt(monitors.group(1))).isGreaterThanOrEqualTo(1)
                    .isBetween(Math.min(monitorsBefore, monitorsAfter), Math.max(monitorsBefore, monitorsAfter));
            cp.await(StopCpCommand.class, c -> CP.equals(c.cpId()), ScriptedCharge.WAIT);
            cp.await(ResumeCpCommand.class, c -> CP.equals(c.cpId()), ScriptedCharge.WAIT);
            assertThat(admin.stateOf(CP)).isEqualTo("ACTIVE");
        }
    }

    private static int connectedMonitors() throws Exception {
        return AdminApi.json(admin.get("statistics")).path("connected_monitors").asInt();
    }

    private static String console(String input) throws Exception {
        Path jar = Path.of(System.getProperty("it.agent.jar"));
        ProcessBuilder builder = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString(), "admin",
                system.central().baseUri().toString(), "--user", CentralFixture.OPERATOR_USER))
                .redirectErrorStream(true);
        builder.environment().put("ADMIN_PASSWORD", CentralFixture.OPERATOR_PASSWORD);
        Process process = builder.start();
        process.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as(out).isTrue();
        assertThat(process.exitValue()).as(out).isZero();
        return out;
    }
}
