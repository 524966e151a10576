package org.evcharging.agent.driver;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.evcharging.api.message.driver.ChargingHistoryRequest;

/** One driver process: connects to Kafka, then runs the menu or the services file, then leaves. */
final class DriverApp implements AutoCloseable {

    private final DriverOptions options;
    private final InputStream in;
    private final DriverView view;
    private final SessionTracker sessions = new SessionTracker();
    private final DriverLink link;
    private final ResponseHandler handler;
    private final AtomicBoolean closed = new AtomicBoolean();

    DriverApp(DriverOptions options, InputStream in, PrintStream out) {
        this.options = options;
        this.in = in;
        this.view = new DriverView(out, options.interactive());
        PendingRequests pending = new PendingRequests();
        this.link = new DriverLink(options, pending, view);
        this.handler = new ResponseHandler(options.driverId(), pending, sessions, view);
    }

    /** Runs to the end of the menu or of the services; the services file is read before connecting. */
    void run() throws IOException, InterruptedException {
        List<String> services = options.servicesFile() == null ? null : ServicesFile.read(options.servicesFile());
        view.line("EV Driver " + options.driverId() + ": connecting to Kafka at " + options.bootstrapServers());
        link.listen(options.bootstrapServers(), options.driverId(), handler);
        view.line("Connected: listening for answers to driver " + options.driverId());
        // Answers sent while this driver was not running are not replayed: a charge that ended then
        // is shown from Central's history instead, when (and if) Central answers.
        ChargingHistoryRequest lastCharge = ChargingHistoryRequest.of(options.driverId(), 1);
        handler.showAsLastCharge(lastCharge.messageId());
        link.tell(lastCharge);
        if (services != null) {
            new ServiceRunner(options.driverId(), link, sessions, view, options.pause()).run(services);
        } else {
            BufferedReader input = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            new DriverMenu(options.driverId(), input, link, sessions, view).run();
        }
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            link.close();
        }
    }
}
