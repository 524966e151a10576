package org.evcharging.central.domain.model.chargingpoint;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

import org.evcharging.api.model.ChargingPointState;
import org.evcharging.api.security.PayloadSignature;
import org.evcharging.central.domain.shared.ConflictException;
import org.evcharging.central.domain.shared.InvalidInputException;

/**
 * A charging point as Central knows it. The displayed state follows the state table of the spec:
 * no live Monitor link → DISCONNECTED; else operator stop → STOPPED; else Engine fault → FAULTY;
 * else a supply → CHARGING; else ACTIVE. The facts behind it (operator stop, engine fault, a supply
 * that has not ended) are kept apart from the state, so a reconnecting CP returns to its true state
 * without help (quirks 10.13–10.15): a STOPPED CP stays STOPPED until an operator resumes it, and a
 * CP whose supply outlived a lost link or a Central restart is CHARGING again, not free for another
 * driver. This aggregate is the only place its state changes, and every change obeys the state
 * table of {@link ChargingPointState}.
 */
@Entity
@Table(name = "charging_points")
@NamedQuery(name = "ChargingPoint.findAll", query = "SELECT c FROM ChargingPoint c ORDER BY c.id")
@NamedQuery(name = "ChargingPoint.findByRegistration",
        query = "SELECT c FROM ChargingPoint c WHERE c.registration = :registration ORDER BY c.id")
public class ChargingPoint {

    public static final String UNKNOWN_LOCATION = "Unknown";

    @Id
    @Column(name = "cp_id", length = CpId.MAX_LENGTH)
    private String id;

    @Column(name = "location", nullable = false)
    private String location;

    @Column(name = "price_per_kwh", nullable = false, precision = 10, scale = 4)
    private BigDecimal pricePerKwh;

    @Enumerated(EnumType.STRING)
    @Column(name = "registration", nullable = false, length = 16)
    private Registration registration;

    @Enumerated(EnumType.STRING)
    @Column(name = "state", nullable = false, length = 16)
    private ChargingPointState state;

    @Column(name = "operator_stopped", nullable = false)
    private boolean operatorStopped;

    @Column(name = "engine_fault", nullable = false)
    private boolean engineFault;

    /** A session is open on this CP: set when Central accepts a charge, cleared when the session ends. */
    @Column(name = "charging", nullable = false)
    private boolean charging;

    @Column(name = "first_seen_ms", nullable = false)
    private long firstSeenMillis;

    @Column(name = "last_seen_ms")
    private Long lastSeenMillis;

    @Column(name = "registered_at_ms")
    private Long registeredAtMillis;

    /**
     * The slow hash of the CP's credential, never the secret itself; null when none was issued or
     * it was revoked. Nullable columns: tables of older versions are extended, not rebuilt.
     */
    @Column(name = "credential_hash", length = 512)
    private String credentialHash;

    /**
     * The CP's payload key (random 256 bits, base64url) its Engine signs its Kafka records with, and
     * the key's id; both null when none is issued or it was revoked. Stored as the key itself: Central
     * must compute the same HMAC to verify, so a hash would not do.
     */
    @Column(name = "payload_key_id", length = 32)
    private String payloadKeyId;

    @Column(name = "payload_key", length = 64)
    private String payloadKey;

    /** Admitted by id alone, as the first implementation's Monitors are (they have no credential). */
    @Column(name = "legacy")
    private Boolean legacy;

    /** The operator set location and price in the registry: a Monitor's register_request no longer changes them. */
    @Column(name = "operator_details")
    private Boolean operatorDetails;

    /** Socket, Kafka and operator threads all change CPs: a lost update fails its commit and is retried. */
    @Version
    @Column(name = "version")
    private Long version;

    protected ChargingPoint() {
        // for JPA
    }

    private ChargingPoint(CpId id, Registration registration, long nowMillis) {
        this.id = Objects.requireNonNull(id).value();
        this.location = UNKNOWN_LOCATION;
        this.pricePerKwh = BigDecimal.ZERO;
        this.registration = registration;
        this.state = ChargingPointState.DISCONNECTED;
        this.firstSeenMillis = nowMillis;
        this.lastSeenMillis = nowMillis;
    }

    /**
     * A CP seen for the first time: it waits for an operator unless the network authorizes newcomers;
     * those have no credential, so they are admitted by id alone (legacy).
     */
    public static ChargingPoint firstSeen(CpId id, boolean autoAuthorize, long nowMillis) {
        ChargingPoint cp = new ChargingPoint(id, autoAuthorize ? Registration.AUTHORIZED : Registration.PENDING, nowMillis);
        cp.legacy = autoAuthorize;
        return cp;
    }

    /** The operator registers a CP in the registry: authorized, with its location and price. */
    public static ChargingPoint registeredByOperator(CpId id, String location, BigDecimal pricePerKwh, long nowMillis) {
        ChargingPoint cp = new ChargingPoint(id, Registration.AUTHORIZED, nowMillis);
        cp.lastSeenMillis = null;
        cp.operatorSets(location, pricePerKwh);
        return cp;
    }

    /** The operator sets where the CP is and what it charges; from now on only the operator changes them. */
    public void operatorSets(String newLocation, BigDecimal newPrice) {
        if (newLocation == null || newLocation.isBlank()) {
            throw new InvalidInputException("location is required");
        }
        if (newPrice == null || newPrice.signum() < 0) {
            throw new InvalidInputException("price_per_kwh must be a number >= 0");
        }
        location = newLocation.strip();
        pricePerKwh = newPrice;
        operatorDetails = true;
    }

    /** A new credential (its hash) replaces any previous one; the CP is authorized by being given one. */
    public void credentialIssued(String hash) {
        credentialHash = Objects.requireNonNull(hash);
        registration = Registration.AUTHORIZED;
    }

    public void credentialRevoked() {
        if (credentialHash == null) {
            throw new ConflictException("Charging point " + id + " has no credential to revoke");
        }
        credentialHash = null;
    }

    /** A new payload key replaces any previous one: records signed with that one are refused from now on. */
    public void payloadKeyIssued(PayloadSignature.Key key) {
        payloadKeyId = key.id();
        payloadKey = key.secret();
    }

    public void payloadKeyRevoked() {
        if (payloadKey == null) {
            throw new ConflictException("Charging point " + id + " has no payload key to revoke");
        }
        payloadKeyId = null;
        payloadKey = null;
    }

    /** The payload key the CP holds now; empty when none was issued or it was revoked. */
    public Optional<PayloadSignature.Key> payloadKey() {
        return payloadKey == null || payloadKeyId == null ? Optional.empty()
                : Optional.of(new PayloadSignature.Key(payloadKeyId, payloadKey));
    }

    /** Whether its Engine's Kafka records must be signed: every CP but a legacy one. */
    public boolean mustSignRecords() {
        return !isLegacy();
    }

    /** Authorized without a credential: its Monitor is admitted by the CP's id alone. */
    public void admittedByIdAlone() {
        registration = Registration.AUTHORIZED;
        legacy = true;
    }

    public void legacy(boolean idOnly) {
        legacy = idOnly;
    }

    public void authorize() {
        if (registration == Registration.AUTHORIZED) {
            throw new ConflictException("Charging point " + id + " is already authorized");
        }
        registration = Registration.AUTHORIZED;
    }

    /**
     * Its Monitor registered over a live link: state from the facts. The price belongs to the
     * operator: a Monitor's price is taken only at the very first registration of a CP the operator
     * has not priced, and its location only until the operator sets one. Returns true the first time
     * this CP ever registers.
     */
    public boolean register(String newLocation, BigDecimal newPrice, long nowMillis) {
        if (!isAuthorized()) {
            throw new ConflictException("Charging point " + id + " not yet authorized, please complete authentication first");
        }
        if (newPrice == null || newPrice.signum() < 0) {
            throw new InvalidInputException("price_per_kwh must be a number >= 0");
        }
        boolean operatorOwned = Boolean.TRUE.equals(operatorDetails);
        if (!operatorOwned && newLocation != null && !newLocation.isBlank()) {
            location = newLocation;
        }
        if (!operatorOwned && registeredAtMillis == null) {
            pricePerKwh = newPrice;
        }
        lastSeenMillis = nowMillis;
        recomputeState(true);
        boolean first = registeredAtMillis == null;
        registeredAtMillis = nowMillis;
        return first;
    }

    /**
     * The operator sets where the CP is and what it charges: a CP whose protocol does not say so
     * itself (OCPP) gets them only this way. Null leaves a value as it is.
     */
    public void describe(String newLocation, BigDecimal newPrice) {
        if (newPrice != null && newPrice.signum() < 0) {
            throw new InvalidInputException("price_per_kwh must be a number >= 0");
        }
        if (newLocation != null && newLocation.isBlank()) {
            throw new InvalidInputException("location must not be blank");
        }
        if (newLocation != null) {
            location = newLocation;
        }
        if (newPrice != null) {
            pricePerKwh = newPrice;
        }
    }

    /** The Monitor link is gone (socket lost or heartbeats missed). A supply may go on at the CP. */
    public void linkLost(long nowMillis) {
        lastSeenMillis = nowMillis;
        recomputeState(false);
    }

    /**
     * Its Monitor, registered on a Central that did not own the CP yet, is connected there and that
     * Central owns it now: connected again (nothing changes for a CP not authorized).
     */
    public void linkRegained(long nowMillis) {
        if (isAuthorized()) {
            lastSeenMillis = nowMillis;
            recomputeState(true);
        }
    }

    /** Central (re)started: nobody is connected until they say so; {@code supplyOpen} when a session still runs here. */
    public void markDisconnectedAtStart(boolean supplyOpen) {
        charging = supplyOpen;
        recomputeState(false);
    }

    public void engineFailed() {
        engineFault = true;
        recomputeState(isConnected());
    }

    public void engineRecovered() {
        engineFault = false;
        recomputeState(isConnected());
    }

    public void stopByOperator() {
        if (operatorStopped) {
            throw new ConflictException("Charging point " + id + " is already stopped");
        }
        operatorStopped = true;
        recomputeState(isConnected());
    }

    public void resumeByOperator() {
        if (!operatorStopped) {
            throw new ConflictException("Charging point " + id + " current status is " + state + ", cannot resume");
        }
        operatorStopped = false;
        recomputeState(isConnected());
    }

    /** Whether a driver may start a charge here now: authorized, connected and ACTIVE. */
    public boolean acceptsCharge() {
        return isAuthorized() && state.acceptsNewCharge();
    }

    /** A driver's charge was accepted here. Refused unless {@link #acceptsCharge()}. */
    public void supplyStarted() {
        if (!isAuthorized()) {
            throw new ConflictException("Charging point " + id + " is not authorized");
        }
        if (!state.acceptsNewCharge()) {
            throw new ConflictException("Charging point " + id + " current status is " + state + ", cannot charge");
        }
        charging = true;
        recomputeState(true);
    }

    /** The session open here ended. */
    public void supplyEnded() {
        charging = false;
        recomputeState(isConnected());
    }

    private void recomputeState(boolean connected) {
        ChargingPointState next;
        if (!connected) {
            next = ChargingPointState.DISCONNECTED;
        } else if (operatorStopped) {
            next = ChargingPointState.STOPPED;
        } else if (engineFault) {
            next = ChargingPointState.FAULTY;
        } else if (charging) {
            next = ChargingPointState.CHARGING;
        } else {
            next = ChargingPointState.ACTIVE;
        }
        state = state.moveTo(next);
    }

    public boolean isConnected() {
        return state != ChargingPointState.DISCONNECTED;
    }

    public boolean isAuthorized() {
        return registration == Registration.AUTHORIZED;
    }

    /** Admitted by id alone (a first-implementation Monitor); off unless the operator or auto-authorization set it. */
    public boolean isLegacy() {
        return Boolean.TRUE.equals(legacy);
    }

    public boolean hasCredential() {
        return credentialHash != null;
    }

    /** The stored slow hash of the credential, for checking a presented one; null when there is none. */
    public String credentialHash() {
        return credentialHash;
    }

    public boolean hasOperatorDetails() {
        return Boolean.TRUE.equals(operatorDetails);
    }

    /** Whether a session is open here, for the registry's refusal to remove a CP that is supplying. */
    public boolean isSupplying() {
        return charging;
    }

    public CpId id() {
        return CpId.of(id);
    }

    public String location() {
        return location;
    }

    public BigDecimal pricePerKwh() {
        return pricePerKwh;
    }

    public Registration registration() {
        return registration;
    }

    public ChargingPointState state() {
        return state;
    }

    public boolean isOperatorStopped() {
        return operatorStopped;
    }

    public boolean hasEngineFault() {
        return engineFault;
    }

    public Long lastSeenMillis() {
        return lastSeenMillis;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ChargingPoint that && id.equals(that.id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return "ChargingPoint[" + id + ", " + registration + ", " + state + "]";
    }
}
