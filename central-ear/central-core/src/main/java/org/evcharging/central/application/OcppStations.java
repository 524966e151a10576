package org.evcharging.central.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;

import org.evcharging.api.model.SessionEnding;
import org.evcharging.central.domain.model.chargingpoint.ChargingPoint;
import org.evcharging.central.domain.model.chargingpoint.CpId;
import org.evcharging.central.domain.model.session.LiveSession;
import org.evcharging.central.domain.model.session.MeterReading;

/**
 * The OCPP 1.6 Core profile mapped onto the same application services a course CP uses: an OCPP
 * charger boots where a Monitor authenticates and registers, reports connector statuses where a
 * Monitor reports faults and recoveries, and runs transactions that are the sessions Central
 * opened for drivers. The payloads arrive here already decoded; the wire is the adapter's.
 */
@ApplicationScoped
public class OcppStations {

    private static final Logger LOG = Logger.getLogger(OcppStations.class.getName());
    /** The "request" an OCPP charger waits on while pending: its BootNotification. */
    public static final String BOOT_REQUEST = "BootNotification";
    static final int MAX_ID_TAG_LENGTH = 20;

    public enum Registration { ACCEPTED, PENDING }

    public record Boot(Registration status, int intervalSeconds) {
    }

    /** The idTagInfo statuses Central gives. */
    public enum IdTagStatus { ACCEPTED, INVALID, CONCURRENT_TX }

    public record Start(int transactionId, IdTagStatus status) {
    }

    @Inject
    MonitorReports reports;

    @Inject
    ChargingPointService chargingPoints;

    @Inject
    SessionService sessions;

    @Inject
    SessionStore store;

    @Inject
    RunningSessions running;

    @Inject
    MonitorLinks links;

    @Inject
    CentralSettings settings;

    private final Map<Integer, OcppTransaction> transactions = new ConcurrentHashMap<>();
    // Seeded from the clock so that ids handed out before a restart of Central are not handed out again soon.
    private final AtomicInteger nextTransactionId = new AtomicInteger((int) (System.currentTimeMillis() / 1000 % 1_000_000_000));

    /** BootNotification: an unknown or unauthorized charger waits (Pending) like a course CP; an authorized one joins. */
    public Boot boot(MonitorChannel channel, CpId id) {
        int interval = settings.defaultHeartbeatSeconds();
        if (!reports.authenticate(channel, id, BOOT_REQUEST)) {
            return new Boot(Registration.PENDING, interval);
        }
        // An OCPP charger says nothing of its location or price: those the operator sets, and are kept.
        ChargingPoint cp = chargingPoints.get(id);
        reports.register(channel, id, null, cp.pricePerKwh().doubleValue(), interval, BOOT_REQUEST);
        return new Boot(Registration.ACCEPTED, interval);
    }

    /** Heartbeat, or any other message: the charger is alive. */
    public void alive(MonitorChannel channel) {
        reports.signOfLife(channel);
    }

    /**
     * StatusNotification. Faulted is an Engine fault; the statuses of a working connector clear one.
     * Unavailable and Reserved change nothing: a CP is STOPPED only by its operator, and DISCONNECTED
     * only by a lost connection. A charger that has not been accepted yet is not listened to.
     */
    public void status(MonitorChannel channel, CpId id, String status, String errorCode) {
        if (!isAccepted(channel, id)) {
            LOG.fine(() -> "Status " + status + " of " + id + " ignored: not accepted on this connection");
            return;
        }
        switch (status) {
            case "Faulted" -> reports.fault(channel, id, errorCode == null ? "Faulted" : errorCode);
            case "Available", "Preparing", "Charging", "SuspendedEV", "SuspendedEVSE", "Finishing" -> {
                if (chargingPoints.get(id).hasEngineFault()) {
                    reports.recovery(channel, id);
                }
            }
            default -> LOG.fine(() -> "Status " + status + " of " + id + " changes nothing");
        }
    }

    /** Authorize: the idTag is a driver id; a driver charging elsewhere may not start a second charge. */
    public IdTagStatus authorize(CpId id, String idTag) {
        if (idTag == null || idTag.isBlank() || idTag.length() > MAX_ID_TAG_LENGTH) {
            return IdTagStatus.INVALID;
        }
        return running.ofDriver(idTag).filter(live -> !live.cpId().equals(id)).isPresent()
                ? IdTagStatus.CONCURRENT_TX : IdTagStatus.ACCEPTED;
    }

    /**
     * StartTransaction: the transaction of the session Central opened for this driver here (after a
     * RemoteStartTransaction). A charge nobody asked Central for is refused (Invalid): Central bills
     * only sessions it opened, so each driver's request makes exactly one session and one ticket.
     */
    public Start startTransaction(MonitorChannel channel, CpId id, String idTag, long meterStartWh) {
        reports.signOfLife(channel);
        int transactionId = nextTransactionId.incrementAndGet();
        Optional<LiveSession> session = running.onCp(id).filter(live -> live.driverId().equals(idTag));
        if (session.isEmpty() || !isAccepted(channel, id)) {
            LOG.warning(() -> "CP " + id + " started a transaction for " + idTag + " that no driver asked Central for: refused");
            return new Start(transactionId, IdTagStatus.INVALID);
        }
        LiveSession live = session.get();
        Optional<OcppTransaction> already = ofSession(live.id());
        if (already.isPresent()) {
            // The same StartTransaction again (a retry after a lost answer): the same transaction.
            return new Start(already.get().id(), IdTagStatus.ACCEPTED);
        }
        var price = store.find(live.id()).orElseThrow().pricePerKwh();
        transactions.put(transactionId, new OcppTransaction(transactionId, live.id(), id, idTag, meterStartWh, price));
        LOG.info(() -> "CP " + id + ": transaction " + transactionId + " is session " + live.id());
        return new Start(transactionId, IdTagStatus.ACCEPTED);
    }

    /** MeterValues: the energy register becomes the session's live reading, priced like a course CP's. */
    public void meterValues(MonitorChannel channel, CpId id, Integer transactionId, List<OcppMeterSample> samples) {
        reports.signOfLife(channel);
        OptionalDouble wh = OcppMeterSample.energyRegisterWh(samples);
        OcppTransaction transaction = transactionId == null ? null : transactions.get(transactionId);
        if (transaction == null || !transaction.cpId().equals(id) || wh.isEmpty()) {
            return;
        }
        sessions.reading(transaction.sessionId(), transaction.readingAt(wh.getAsDouble()));
    }

    /** StopTransaction: the session ends with the charger's final register and one ticket. */
    public void stopTransaction(MonitorChannel channel, CpId id, int transactionId, long meterStopWh,
                                Long endedAtEpochSeconds, String reason) {
        reports.signOfLife(channel);
        OcppTransaction transaction = transactions.remove(transactionId);
        if (transaction == null || !transaction.cpId().equals(id)) {
            LOG.warning(() -> "CP " + id + " stopped transaction " + transactionId + ", which Central does not know");
            return;
        }
        MeterReading last = transaction.readingAt(meterStopWh);
        sessions.completion(transaction.sessionId(), last, ending(reason), endedAtEpochSeconds);
    }

    /** The charger answered RemoteStartTransaction with Rejected: the driver's session ends with its ticket. */
    public void remoteStartRejected(CpId id, String sessionId) {
        LOG.warning(() -> "CP " + id + " rejected the remote start of session " + sessionId);
        sessions.startRefused(sessionId);
    }

    /** The transaction running a session, for a RemoteStopTransaction. */
    public Optional<OcppTransaction> ofSession(String sessionId) {
        return transactions.values().stream().filter(t -> t.sessionId().equals(sessionId)).findFirst();
    }

    /**
     * Why a transaction stopped, as a ticket says it. Remote: Central asked, and knows better whose
     * stop it was (driver or operator). Resets are the operator's doing; a power loss or an
     * emergency stop a fault.
     */
    static Optional<SessionEnding> ending(String reason) {
        if (reason == null) {
            return Optional.of(SessionEnding.UNPLUGGED);
        }
        return switch (reason) {
            case "Remote" -> Optional.empty();
            case "Local", "DeAuthorized" -> Optional.of(SessionEnding.DRIVER_STOP);
            case "HardReset", "SoftReset", "Reboot", "UnlockCommand" -> Optional.of(SessionEnding.OPERATOR_STOP);
            case "EmergencyStop", "PowerLoss" -> Optional.of(SessionEnding.ENGINE_FAULT);
            default -> Optional.of(SessionEnding.UNPLUGGED);
        };
    }

    private boolean isAccepted(MonitorChannel channel, CpId id) {
        return links.find(id).filter(link -> link.channel() == channel && link.pendingAuthMessageId() == null).isPresent();
    }
}
