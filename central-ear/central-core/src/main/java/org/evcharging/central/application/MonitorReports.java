package org.evcharging.central.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.logging.Logger;

import org.evcharging.api.model.ChargingPointState;
import org.evcharging.central.application.audit.AuditEntry;
import org.evcharging.central.application.audit.AuditTrail;
import org.evcharging.central.application.credentials.CredentialHasher;
import org.evcharging.central.domain.model.chargingpoint.Admission;
import org.evcharging.central.domain.model.chargingpoint.ChargingPoint;
import org.evcharging.central.domain.model.chargingpoint.CpId;
import org.evcharging.central.domain.shared.ConflictException;
import org.evcharging.central.domain.shared.InvalidInputException;

/**
 * What a Monitor tells Central about its CP, whatever protocol carries it: who it is, whether it
 * may join, that it is alive, and how its Engine is. Which connection speaks for which CP is
 * decided here, so a stale or foreign connection cannot change a CP it does not speak for.
 */
@ApplicationScoped
public class MonitorReports {

    private static final Logger LOG = Logger.getLogger(MonitorReports.class.getName());
    static final int MAX_HEARTBEAT_SECONDS = 3600;

    /** How a heartbeat was taken. */
    public enum Heartbeat { ALIVE, WAITING_FOR_AUTHORIZATION, UNKNOWN_CP }

    @Inject
    ChargingPointService chargingPoints;

    @Inject
    SessionService sessions;

    @Inject
    MonitorLinks links;

    @Inject
    CentralSettings settings;

    @Inject
    CredentialHasher hasher;

    @Inject
    AuditTrail audit;

    @Inject
    Ownership ownership;

    @Inject
    GroupCommit commits;

    LongSupplier nanoTime = System::nanoTime;

    /** Any message from a linked Monitor proves it is alive, not only heartbeats. */
    public void signOfLife(MonitorChannel channel) {
        ownLink(channel).ifPresent(link -> link.seen(nanoTime.getAsLong()));
    }

    /** As {@link #authenticate(MonitorChannel, CpId, String, String)} for a Monitor that presents no credential. */
    public boolean authenticate(MonitorChannel channel, CpId id, String authMessageId) {
        return authenticate(channel, id, null, authMessageId);
    }

    /**
     * Returns true when the connection may speak for the CP (its credential, or its id alone for a
     * legacy CP); false when the CP waits, and the approval will reach this connection. A refused
     * connection is not linked, so the CP's current link, if any, goes on untouched.
     */
    public boolean authenticate(MonitorChannel channel, CpId id, String credential, String authMessageId) {
        return admit(channel, id, credential, authMessageId).isPresent();
    }

    /**
     * {@link #authenticate(MonitorChannel, CpId, String, String)}, returning the CP as it was admitted
     * (empty while it waits), so what the answer carries needs no second look-up.
     */
    public Optional<ChargingPoint> admit(MonitorChannel channel, CpId id, String credential, String authMessageId) {
        ChargingPoint cp;
        try {
            cp = commits.run(() -> chargingPoints.knownOrNewcomer(id, source(channel)));
        } catch (ConflictException newcomerRefused) {
            // Only a newcomer can be refused here: known CPs are returned as they are.
            throw refused(channel, id, "monitor.auth", newcomerRefused.getMessage());
        }
        // The slow hash runs here, once per connection; heartbeats only look up the link.
        Admission admission = cp.isAuthorized() && channel.isAdmittedFor(id)
                ? Admission.BY_CONNECTION : Admission.of(cp, credential, hasher::matches);
        if (admission == Admission.PENDING) {
            // Bound to the newest connection, so the approval reaches a Monitor that reconnected (quirk 10.16).
            bind(channel, id, null).pendingAuthMessageId(authMessageId);
            LOG.info(() -> "CP " + id + " waits for an operator's authorization (" + channel.id() + ")");
            return Optional.empty();
        }
        if (!admission.isAdmitted()) {
            throw refused(channel, id, "monitor.auth", admission.refusal(id));
        }
        channel.admittedFor(id);
        bind(channel, id, null);
        return Optional.of(cp);
    }

    /**
     * The Monitor registers its CP ({@code heartbeatSeconds} null for a first-implementation Monitor).
     * Returns true for the CP's very first registration; refuses a CP not yet authorized.
     */
    public boolean register(MonitorChannel channel, CpId id, String location, Double pricePerKwh,
                            Integer heartbeatSeconds, String messageId) {
        int heartbeat = heartbeatSeconds(heartbeatSeconds).orElse(settings.defaultHeartbeatSeconds());
        BigDecimal price = price(pricePerKwh);
        boolean first;
        try {
            // One look-up, one write, shared with the Monitors registering at the same time (a restart, a fail-over).
            boolean proven = channel.isAdmittedFor(id);
            first = commits.run(() -> chargingPoints.register(id, location, price, source(channel), proven));
        } catch (ConflictException refusal) {
            throw registrationRefused(channel, id, heartbeat, messageId, refusal);
        }
        bind(channel, id, heartbeat);
        sessions.monitorBack(id);
        LOG.info(() -> "CP " + id + " registered from " + channel.id());
        return first;
    }

    /**
     * Why a registration was refused, read only on this rare path: a CP not yet authorized waits on
     * this connection for the operator; an unknown CP turned away as a newcomer, or a CP with a
     * credential that did not present it on this connection, is a security refusal (audited).
     */
    private ConflictException registrationRefused(MonitorChannel channel, CpId id, int heartbeat, String messageId,
                                                  ConflictException refusal) {
        Optional<ChargingPoint> cp = chargingPoints.find(id);
        if (cp.isPresent() && !cp.get().isAuthorized()) {
            bind(channel, id, heartbeat).pendingAuthMessageId(messageId);
            return refusal;
        }
        return refused(channel, id, "monitor.register", refusal.getMessage());
    }

    public Heartbeat heartbeat(MonitorChannel channel, CpId id, Integer announcedSeconds) {
        Optional<Integer> interval = heartbeatSeconds(announcedSeconds);
        MonitorLink link = ownLink(channel).filter(l -> l.cpId().equals(id)).orElse(null);
        if (link == null) {
            if (chargingPoints.find(id).isEmpty()) {
                return Heartbeat.UNKNOWN_CP;
            }
            throw refused(channel, id, "monitor.heartbeat",
                    "Charging point " + id + " must authenticate or register on this connection first");
        }
        interval.ifPresent(link::heartbeatSeconds);
        return link.pendingAuthMessageId() != null ? Heartbeat.WAITING_FOR_AUTHORIZATION : Heartbeat.ALIVE;
    }

    /**
     * A {@code status_update}: only the Engine's health is taken from it — STOPPED and DISCONNECTED
     * are Central's own decisions, never a Monitor's.
     */
    public ChargingPoint status(MonitorChannel channel, CpId id, ChargingPointState reported) {
        registeredOn(channel, id);
        return switch (reported) {
            case FAULTY -> sessions.engineFailed(id);
            case ACTIVE, CHARGING -> chargingPoints.engineRecovered(id);
            case STOPPED, DISCONNECTED -> chargingPoints.get(id);
        };
    }

    public ChargingPoint fault(MonitorChannel channel, CpId id, String detail) {
        registeredOn(channel, id);
        LOG.warning(() -> "CP " + id + " reports a fault: " + detail);
        return sessions.engineFailed(id);
    }

    public ChargingPoint recovery(MonitorChannel channel, CpId id) {
        registeredOn(channel, id);
        return chargingPoints.engineRecovered(id);
    }

    /** The connection is gone. Only the connection that still owns the CP's link may disconnect it (10.15). */
    public void linkLost(MonitorChannel channel, String cause) {
        CpId id = channel.cpId();
        if (id != null && links.unbind(id, channel)) {
            ownership.linkLost(id);
            sessions.monitorLost(id);
            LOG.warning(() -> "CP " + id + " DISCONNECTED: " + cause);
        }
    }

    private MonitorLink bind(MonitorChannel channel, CpId id, Integer heartbeatSeconds) {
        channel.speaksFor(id);
        int interval = heartbeatSeconds != null ? heartbeatSeconds
                : links.find(id).filter(l -> l.channel() == channel).map(MonitorLink::heartbeatSeconds)
                        .orElse(settings.defaultHeartbeatSeconds());
        MonitorLink link = links.bind(id, channel, interval, nanoTime.getAsLong());
        ownership.linked(id);
        return link;
    }

    private Optional<MonitorLink> ownLink(MonitorChannel channel) {
        CpId id = channel.cpId();
        return id == null ? Optional.empty() : links.find(id).filter(link -> link.channel() == channel);
    }

    /** Status, fault and recovery count only from the connection a registered CP speaks through (10.47). */
    private void registeredOn(MonitorChannel channel, CpId id) {
        boolean registered = ownLink(channel).filter(l -> l.cpId().equals(id) && l.pendingAuthMessageId() == null).isPresent();
        if (!registered) {
            throw refused(channel, id, "monitor.report", "Charging point " + id + " is not registered on this connection");
        }
    }

    /** A security refusal: recorded in the audit trail, then returned for the caller to throw. */
    private ConflictException refused(MonitorChannel channel, CpId id, String action, String reason) {
        audit.record(AuditEntry.refused("cp:" + id, source(channel), action, "connection " + channel.id(), reason));
        LOG.warning(() -> "Refused " + action + " of CP " + id + " from " + channel.id() + ": " + reason);
        return new ConflictException(reason);
    }

    /** The Monitor's address without its port: what rate limits and the audit log key on. */
    static String source(MonitorChannel channel) {
        String address = channel.id();
        int colon = address == null ? -1 : address.lastIndexOf(':');
        String host = colon > 0 ? address.substring(0, colon) : address;
        return host != null && host.startsWith("/") ? host.substring(1) : host;
    }

    private static Optional<Integer> heartbeatSeconds(Integer announced) {
        if (announced != null && (announced < 1 || announced > MAX_HEARTBEAT_SECONDS)) {
            throw new InvalidInputException("heartbeat_interval must be between 1 and " + MAX_HEARTBEAT_SECONDS + " seconds");
        }
        return Optional.ofNullable(announced);
    }

    private static BigDecimal price(Double value) {
        if (value == null || value.isNaN() || value.isInfinite()) {
            throw new InvalidInputException("price_per_kwh must be a number >= 0");
        }
        return BigDecimal.valueOf(value);
    }
}
