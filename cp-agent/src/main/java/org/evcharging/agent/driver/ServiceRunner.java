package org.evcharging.agent.driver;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;

import org.evcharging.api.message.Response;
import org.evcharging.api.message.WireMessage;
import org.evcharging.api.message.driver.ChargeRequest;

/**
 * The design's unattended mode: charges at each CP of the services file in turn. The next request
 * goes out a pause after the previous service ended (its ticket) or was refused, as the design's
 * Driver waits 4 s; a request Central does not answer is repeated, never skipped.
 */
final class ServiceRunner {

    private final String driverId;
    private final DriverLink link;
    private final SessionTracker sessions;
    private final DriverView view;
    private final Duration pause;

    ServiceRunner(String driverId, DriverLink link, SessionTracker sessions, DriverView view, Duration pause) {
        this.driverId = driverId;
        this.link = link;
        this.sessions = sessions;
        this.view = view;
        this.pause = pause;
    }

    void run(List<String> cpIds) throws InterruptedException {
        int done = 0;
        int refused = 0;
        for (int i = 0; i < cpIds.size(); i++) {
            String progress = "Service " + (i + 1) + "/" + cpIds.size() + ": " + cpIds.get(i);
            view.line(progress + " ...");
            if (charge(cpIds.get(i))) {
                done++;
                view.line(progress + " done");
            } else {
                refused++;
                view.line(progress + " refused");
            }
            if (i + 1 < cpIds.size()) {
                view.line("Next service in " + seconds(pause) + " s");
                Thread.sleep(pause.toMillis());
            }
        }
        view.line("Services finished: " + done + " done, " + refused + " refused, of " + cpIds.size());
    }

    /** True when the service ran to its ticket, false when Central refused it. */
    private boolean charge(String cpId) throws InterruptedException {
        WireMessage answer = link.askUntilAnswered(ChargeRequest.of(cpId, driverId));
        if (!(answer instanceof Response reply) || !reply.succeeded()) {
            return false;
        }
        try {
            sessions.ending(reply.sessionId()).get();
            return true;
        } catch (ExecutionException e) {
            throw new IllegalStateException("A session ending never fails", e);
        }
    }

    private static String seconds(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? Long.toString(duration.toSeconds())
                : Double.toString(duration.toMillis() / 1000.0);
    }
}
