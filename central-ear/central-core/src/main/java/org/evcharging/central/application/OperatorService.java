package org.evcharging.central.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.logging.Logger;

import org.evcharging.central.application.credentials.CredentialHasher;
import org.evcharging.central.application.credentials.CredentialSecrets;
import org.evcharging.central.domain.model.chargingpoint.ChargingPoint;
import org.evcharging.central.domain.model.chargingpoint.CpId;
import org.evcharging.central.domain.shared.DomainException;

/**
 * What an operator does to charging points. The change is committed first, then the CP's Monitor is
 * told, so a command never announces a change that did not happen.
 */
@ApplicationScoped
public class OperatorService {

    private static final Logger LOG = Logger.getLogger(OperatorService.class.getName());

    @Inject
    ChargingPointService chargingPoints;

    @Inject
    SessionService sessions;

    @Inject
    MonitorLinks links;

    @Inject
    PayloadKeys payloadKeys;

    @Inject
    CredentialHasher hasher;

    @Inject
    Ownership ownership;

    /** Lets a pending CP in with a new credential, shown once in the result. */
    public Enrolled authorize(CpId id) {
        return authorize(id, false);
    }

    /**
     * Lets a pending CP in: with a new credential its Monitor presents on every later connection, or
     * by id alone ({@code legacy}, for first-implementation Monitors). A Monitor waiting on its
     * connection is told at once and registers: the operator's approval admits that connection.
     */
    public Enrolled authorize(CpId id, boolean legacy) {
        String secret = legacy ? null : CredentialSecrets.newSecret();
        ChargingPoint cp = chargingPoints.authorize(id, secret == null ? null : hasher.hash(secret));
        if (!ownership.forwarded(CpCommand.Kind.ADMIT, id, null)) {
            approveWaitingConnection(links, payloadKeys, id);
        }
        LOG.info(() -> "Operator authorized CP " + id + (legacy ? " (legacy: by id alone)" : " with a new credential"));
        return new Enrolled(cp, secret);
    }

    /** The Monitor waiting for approval on this Central's connection is admitted (a command from another Central). */
    public void admitHere(CpId id) {
        approveWaitingConnection(links, payloadKeys, id);
    }

    /** The Monitor waiting for approval on its connection is admitted and told to register. */
    static void approveWaitingConnection(MonitorLinks links, PayloadKeys payloadKeys, CpId id) {
        links.find(id).ifPresent(link -> {
            String pending = link.pendingAuthMessageId();
            if (pending != null) {
                link.pendingAuthMessageId(null);
                link.channel().admittedFor(id);
                // A CP that must sign its Kafka records gets its payload key in the approval itself.
                payloadKeys.forAdmitted(link.channel(), id).ifPresentOrElse(
                        key -> link.channel().admitted(pending, key), () -> link.channel().admitted(pending));
            }
        });
    }

    /** Where the CP is and what it charges, for CPs that do not say so themselves (OCPP). */
    public ChargingPoint describe(CpId id, String location, BigDecimal pricePerKwh) {
        ChargingPoint cp = chargingPoints.describe(id, location, pricePerKwh);
        LOG.info(() -> "Operator set CP " + id + " at " + cp.location() + ", " + cp.pricePerKwh() + " EUR/kWh");
        return cp;
    }

    /** Out of order: any supply in progress ends, the CP refuses new ones until resumed. */
    public ChargingPoint stop(CpId id) {
        ChargingPoint cp = chargingPoints.stop(id);
        if (!ownership.forwarded(CpCommand.Kind.OPERATOR_STOP, id, null)) {
            stopHere(id);
        }
        return cp;
    }

    /** The stop reaches the CP: its supply ends, its Monitor is told (here, where its link is). */
    public void stopHere(CpId id) {
        sessions.operatorStopped(id);
        boolean told = links.tell(id, ChargerCommands::outOfService);
        LOG.info(() -> "Operator stopped CP " + id + (told ? "" : " (its Monitor is not connected: it stays stopped when it returns)"));
    }

    public ChargingPoint resume(CpId id) {
        ChargingPoint cp = chargingPoints.resume(id);
        if (!ownership.forwarded(CpCommand.Kind.OPERATOR_RESUME, id, null)) {
            resumeHere(id);
        }
        return cp;
    }

    public void resumeHere(CpId id) {
        links.tell(id, ChargerCommands::backInService);
        LOG.info(() -> "Operator resumed CP " + id);
    }

    /** Every pending CP in, each with its own new credential (listed once in the result). */
    public BulkResult authorizeAll() {
        Map<String, String> credentials = new TreeMap<>();
        BulkResult result = forEach(chargingPoints.pending(), id -> {
            Enrolled enrolled = authorize(id);
            credentials.put(id.value(), enrolled.credential());
            return enrolled.chargingPoint();
        });
        return new BulkResult(result.done(), result.refused(), credentials);
    }

    public BulkResult stopAll() {
        return forEach(chargingPoints.stoppable(), this::stop);
    }

    public BulkResult resumeAll() {
        return forEach(chargingPoints.resumable(), this::resume);
    }

    private static BulkResult forEach(List<ChargingPoint> targets, Function<CpId, ChargingPoint> action) {
        List<String> done = new ArrayList<>();
        List<BulkResult.Refusal> refused = new ArrayList<>();
        for (ChargingPoint cp : targets) {
            try {
                action.apply(cp.id());
                done.add(cp.id().value());
            } catch (DomainException e) {
                refused.add(new BulkResult.Refusal(cp.id().value(), e.getMessage()));
            }
        }
        return new BulkResult(done, refused);
    }

    /**
     * The outcome of an action on every CP it applies to; {@code credentials} holds the secrets
     * issued by an authorization (CP id to secret), shown this once.
     */
    public record BulkResult(List<String> done, List<Refusal> refused, Map<String, String> credentials) {

        public BulkResult(List<String> done, List<Refusal> refused) {
            this(done, refused, Map.of());
        }

        public record Refusal(String cpId, String reason) {
        }
    }
}
