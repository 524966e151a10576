package org.evcharging.agent.monitor;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

import org.evcharging.agent.RunningAgent;
import org.evcharging.agent.console.EventLog;
import org.evcharging.agent.runtime.EventLoop;

/**
 * A running Monitor (EV_CP_M): its two links (Engine and Central), the CP's state they share, the
 * on-disk outbox and the status panel. Everything but the sockets' own threads runs on one loop.
 */
public final class MonitorAgent implements RunningAgent {

    /** How often the panel is refreshed (a terminal panel also shows the age of the last health answer). */
    private static final Duration PANEL_REFRESH = Duration.ofMillis(250);
    private static final Duration TERMINAL_REDRAW = Duration.ofSeconds(1);

    private final MonitorOptions options;
    private final EventLog log;
    private final EventLoop loop = new EventLoop("monitor");
    private final LocalState state = new LocalState();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final CompletionOutbox outbox;
    private final EngineSupervisor engine;
    private final CentralSession central;
    private final StatusPanel panel;
    private Instant lastDrawn = Instant.EPOCH;

    private MonitorAgent(MonitorOptions options, EventLog log, boolean terminal) throws IOException {
        this.options = options;
        this.log = log;
        this.outbox = new CompletionOutbox(options.dataDir());
        this.engine = new EngineSupervisor(options, loop, log, state);
        this.central = new CentralSession(options, loop, log, state, outbox, engine,
                options.centralTls() == null ? null : options.centralTls().context());
        engine.reportTo(central);
        this.panel = new StatusPanel(log.out(), terminal);
    }

    /**
     * Starts both links; they keep reconnecting until {@link #close()}.
     *
     * @param terminal draw the panel in place (ANSI) rather than print a line per change
     * @throws IOException when the data directory or the TLS trust file cannot be used
     */
    public static MonitorAgent start(MonitorOptions options, EventLog log, boolean terminal) throws IOException {
        MonitorAgent agent = new MonitorAgent(options, log, terminal);
        if (terminal) {
            log.redirectEvents(agent.panel::event);
        }
        log.event("Monitor of " + options.cpId() + " starting: ENGINE " + options.engine() + ", CENTRAL "
                + options.central() + (options.centralTls() == null ? "" : " over TLS") + ", outbox " + agent.outbox.file() + " (" + agent.outbox.size() + " waiting)");
        agent.engine.start();
        agent.central.link().start();
        agent.loop.every(Duration.ZERO, PANEL_REFRESH, agent::refreshPanel);
        return agent;
    }

    private void refreshPanel() {
        PanelView view = view();
        Instant now = Instant.now();
        if (!panel.terminal() || Duration.between(lastDrawn, now).compareTo(TERMINAL_REDRAW) >= 0) {
            lastDrawn = now;
            panel.show(view);
        }
    }

    private PanelView view() {
        return new PanelView(options.cpId(), state.status().map(Enum::name).orElse("UNKNOWN"),
                centralAddress(), central.link().isConnected(), central.phase(), central.authorized(),
                options.engine().toString(), engine.link().isConnected(), state.engineHealth().describe(),
                engine.lastAnswer(), options.healthInterval(), options.healthMisses(), options.heartbeatSeconds(),
                outbox.size());
    }

    /** The Central in use (or tried next); with several, its place among them. */
    private String centralAddress() {
        ReconnectingLink link = central.link();
        return link.addressCount() == 1 ? link.address().toString()
                : link.address() + " [" + link.addressPosition() + " of " + link.addressCount() + "]";
    }

    /** The panel's current content; for tests and diagnostics. */
    public String summary() {
        return loop.call(() -> view().summary());
    }

    @Override
    public void awaitStopped() throws InterruptedException {
        stopped.await();
    }

    /** Closes both links (Central sees an orderly close); the outbox is already on disk. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        central.link().close();
        engine.link().close();
        loop.close();
        log.printEvents();
        log.event("Monitor of " + options.cpId() + " stopped");
        stopped.countDown();
    }
}
