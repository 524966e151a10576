package org.evcharging.agent.engine;

import java.util.Objects;
import java.util.concurrent.ScheduledFuture;

import org.evcharging.agent.console.EventLog;
import org.evcharging.agent.runtime.EventLoop;
import org.evcharging.api.Topics;
import org.evcharging.api.message.engine.HealthCheckResponse;
import org.evcharging.api.message.session.ChargeCompletion;
import org.evcharging.api.model.ChargingPointState;
import org.evcharging.api.model.SessionEnding;
import org.evcharging.api.security.PayloadSignature;
import org.evcharging.kafka.client.RecordPublisher;

/**
 * The charger: which CP it is, whether it is faulty or stopped by the operator, and the supply it
 * meters. Confined to the Engine's {@link EventLoop}; every change of the supply is saved before
 * anything about it is sent, so a crash never reports more than the disk knows.
 */
final class ChargingEngine {

    private final Metering metering;
    private final PlugMode plugMode;
    private final EventLoop loop;
    private final EventLog log;
    private final RecordPublisher kafka;
    private final CompletionDelivery delivery;
    private final EngineStateStore store;
    private final boolean verbose;

    private String cpId;
    private BoundMonitor monitor;
    private boolean faulted;
    private boolean serviceSuspended;
    private Supply supply;
    private ScheduledFuture<?> ticker;

    ChargingEngine(EngineOptions options, EventLoop loop, EventLog log, RecordPublisher kafka, EngineStateStore store) {
        this.metering = options.metering();
        this.plugMode = options.plugMode();
        this.loop = loop;
        this.log = log;
        this.kafka = kafka;
        this.store = store;
        this.verbose = options.debug();
        this.delivery = new CompletionDelivery(kafka, loop, log);
        delivery.persistWith(this::save);
    }

    /** Start-up: reports left on disk go out again; a supply cut short by a crash is closed with what was metered. */
    void recover(EngineState saved) {
        delivery.recover(saved);
    }

    // ---- Monitor link -------------------------------------------------------------------------

    /**
     * Makes {@code from} the CP's Monitor. Refused while another live Monitor serves a different CP;
     * a Monitor of the same CP replaces a connection that may be half-dead.
     */
    boolean bindMonitor(MonitorChannel from, String newCpId) {
        boolean otherLiveMonitor = monitor != null && !monitor.isOn(from) && monitor.channel().isOpen();
        if (otherLiveMonitor && !newCpId.equals(cpId)) {
            return false;
        }
        cpId = newCpId;
        monitor = new BoundMonitor(from, cpId);
        log.event("Monitor of " + cpId + " connected from " + from.id());
        delivery.deliverAll(monitor);
        return true;
    }

    /**
     * The CP's payload key, from its bound Monitor: every Kafka record published from now on (and
     * every completion published again) is signed with it. Refused from any other connection or
     * for another CP.
     */
    boolean payloadKey(MonitorChannel from, String forCpId, PayloadSignature.Key key) {
        if (monitor == null || !monitor.isOn(from) || !forCpId.equals(cpId)) {
            return false;
        }
        kafka.signValuesWith(value -> PayloadSignature.sign(value, key));
        log.event("Payload key " + key.id() + " received: Kafka records of " + cpId + " are signed with it");
        return true;
    }

    /** The Monitor's link ended: a supply cannot go on unsupervised (§9.6). */
    void monitorClosed(MonitorChannel channel) {
        if (monitor != null && monitor.isOn(channel)) {
            monitor = null;
            log.event("Monitor link lost (" + channel.id() + ")");
            if (supply != null) {
                end(SessionEnding.MONITOR_LOST);
            }
        }
    }

    boolean isBound(MonitorChannel from) {
        return monitor != null && monitor.isOn(from);
    }

    String cpId() {
        return cpId;
    }

    ChargingPointState state() {
        return faulted ? ChargingPointState.FAULTY : supply != null ? ChargingPointState.CHARGING : ChargingPointState.ACTIVE;
    }

    boolean energyFlows() {
        return supply != null && supply.plugged();
    }

    String currentSessionId() {
        return supply == null ? null : supply.sessionId();
    }

    // ---- Central's commands, as relayed by the Monitor ----------------------------------------

    /**
     * Why Central's start command cannot be obeyed now, or null. The "service stopped" flag is not a
     * reason: the first implementation's Monitor sets it on every start-up (10.19), and Central, which
     * knows whether the operator stopped the CP, is what decides whether a supply may start.
     */
    String startRefusal(String commandCpId, Double pricePerKwh) {
        if (!Objects.equals(cpId, commandCpId)) {
            return "CP_ID mismatch: expected " + cpId + ", got " + commandCpId;
        }
        if (pricePerKwh != null && !(pricePerKwh >= 0)) {
            return "Invalid price_per_kwh " + pricePerKwh;
        }
        return faulted ? "Engine is in FAULT" : supply != null ? "Already charging" : null;
    }

    /** Authorizes a supply; energy flows at once in auto plug mode, after "plug in" in manual mode. */
    Supply startSupply(String sessionId, String driverId, double pricePerKwh) {
        supply = Supply.authorized(sessionId, cpId, driverId, pricePerKwh, plugMode == PlugMode.AUTO);
        save();
        ticker = loop.every(metering.tick(), metering.tick(), this::tick);
        if (supply.plugged()) {
            log.event("Supply started " + supply.describe());
        } else {
            log.event("Supply authorized " + supply.describe() + "; waiting for the vehicle (menu 2: plug in)");
        }
        pushHealth();
        return supply;
    }

    /** Ends the given session at the driver's (or Central's) request; false if it is not the one supplied. */
    boolean stopSession(String sessionId) {
        if (supply == null || !supply.sessionId().equals(sessionId)) {
            return false;
        }
        end(SessionEnding.DRIVER_STOP);
        return true;
    }

    /** An emergency stop: any supply ends, and the menu's request is refused until resumed (10.19). Returns the ended session. */
    String emergencyStop() {
        serviceSuspended = true;
        log.event("Emergency stop: CP service suspended until resumed");
        String stopped = currentSessionId();
        endOrJustTell(SessionEnding.OPERATOR_STOP);
        return stopped;
    }

    /** The operator's resume: service back, and a fault cleared (its held-back report goes out). Returns whether it was faulted. */
    boolean resumeService() {
        boolean wasFaulted = faulted;
        serviceSuspended = false;
        log.event("CP " + cpId + " resumed by the operator");
        if (wasFaulted) {
            recoverFromFault();
        }
        pushHealth();
        return wasFaulted;
    }

    // ---- The operator at the CP (menu) --------------------------------------------------------

    /** Why a manual charge request cannot be made now, or null. */
    String manualRequestRefusal() {
        if (cpId == null) {
            return "no CP id yet (no Monitor has initialized this Engine)";
        }
        return faulted ? "the Engine is in FAULT" : serviceSuspended ? "the CP service is stopped by the operator"
                : supply != null ? "already charging session " + supply.sessionId() : null;
    }

    String plugIn() {
        if (supply == null) {
            return "Nothing to plug into: no supply is authorized (request charging first)";
        }
        if (supply.plugged()) {
            return "The vehicle is already plugged in (session " + supply.sessionId() + ")";
        }
        supply = supply.pluggedIn();
        save();
        log.event("Supply started " + supply.describe());
        pushHealth();
        return "Vehicle plugged in";
    }

    String unplug() {
        if (supply == null) {
            return "No vehicle is plugged in";
        }
        end(SessionEnding.UNPLUGGED);
        return "Vehicle unplugged";
    }

    String simulateFault() {
        if (faulted) {
            return "The Engine is already in FAULT";
        }
        faulted = true;
        log.event("Engine FAULT simulated: KO sent to the Monitor");
        if (supply != null) {
            // Python drivers learn of the fault from the Engine itself (§4.3).
            kafka.publish(Topics.DRIVER_RESPONSES, EngineFaultNotice.of(supply));
        }
        endOrJustTell(SessionEnding.ENGINE_FAULT);
        return "Engine in FAULT";
    }

    String simulateRecovery() {
        if (!faulted) {
            return "The Engine is not in FAULT";
        }
        recoverFromFault();
        pushHealth();
        return "Engine recovered";
    }

    EngineStatusReport status() {
        return new EngineStatusReport(cpId, state(), supply, plugMode, monitor == null ? null : monitor.channel().id(),
                serviceSuspended, delivery.waiting());
    }

    // ---- Metering -----------------------------------------------------------------------------

    void tick() {
        if (supply == null) {
            return;
        }
        if (!supply.plugged()) {
            supply = supply.waited();
            if (supply.waitingTicks() >= metering.maxTicks()) {
                log.event("The vehicle was not plugged in within the maximum charging time");
                end(SessionEnding.MAX_DURATION);
            }
            return;
        }
        supply = supply.metered(metering.kwhPerTick());
        save();
        var data = supply.telemetry();
        if (monitor != null) {
            monitor.send(data);
        }
        kafka.publish(Topics.CHARGING_SESSION_DATA, data);
        if (verbose) {
            log.event("Metering session=" + supply.sessionId() + " seq=" + supply.seq() + " "
                    + ChargeTicket.amounts(data.energyConsumedKwh(), data.totalCost()));
        }
        if (supply.seq() >= metering.maxTicks()) {
            end(SessionEnding.MAX_DURATION);
        }
    }

    /** Clean shutdown: a supply in progress ends now with what was metered, and is saved for delivery. */
    void shutdown() {
        endOrJustTell(SessionEnding.ENGINE_FAULT);
        save();
    }

    void save() {
        store.save(new EngineState(supply, delivery.snapshot()));
    }

    // ---- internals ----------------------------------------------------------------------------

    private void end(SessionEnding ending) {
        Supply ended = supply;
        supply = null;
        if (ticker != null) {
            ticker.cancel(false);
        }
        ChargeCompletion report = ended.completion(ending);
        log.event("Supply stopped session=" + ended.sessionId() + " ended_by=" + ending.wire() + " " + ChargeTicket.amounts(report)
                + (faulted ? " (reported when the Engine recovers)" : ""));
        log.text(ChargeTicket.render(ended, report));
        delivery.add(report, faulted, monitor);
        pushHealth();
    }

    private void endOrJustTell(SessionEnding ending) {
        if (supply != null) {
            end(ending);
        } else {
            pushHealth();
        }
    }

    private void recoverFromFault() {
        faulted = false;
        log.event("Engine recovered: OK sent to the Monitor");
        delivery.releaseWithheld(monitor);
    }

    /** Tells the Monitor of a state change at once instead of at its next health check. */
    private void pushHealth() {
        if (monitor != null) {
            monitor.send(HealthCheckResponse.unsolicited(state(), energyFlows()));
        }
    }

}
