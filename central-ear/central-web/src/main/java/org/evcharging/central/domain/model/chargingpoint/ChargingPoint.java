package org.evcharging.central.domain.model.chargingpoint;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.util.Objects;

import org.evcharging.api.model.ChargingPointState;
import org.evcharging.central.domain.shared.ConflictException;

/**
 * A charging point as Central knows it. The displayed state follows the state table of the spec:
 * no live Monitor link → DISCONNECTED; else operator stop → STOPPED; else Engine fault → FAULTY;
 * else a supply → CHARGING; else ACTIVE. The facts behind it (operator stop, engine fault) are kept
 * apart from the state, so a reconnecting CP returns to its true state without help (quirks
 * 10.13–10.15) and a STOPPED CP stays STOPPED across reconnects until an operator resumes it.
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

    @Column(name = "charging", nullable = false)
    private boolean charging;

    @Column(name = "first_seen_ms", nullable = false)
    private long firstSeenMillis;

    @Column(name = "last_seen_ms")
    private Long lastSeenMillis;

    @Column(name = "registered_at_ms")
    private Long registeredAtMillis;

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

    /** A CP seen for the first time: it waits for an operator unless the network authorizes newcomers. */
    public static ChargingPoint firstSeen(CpId id, boolean autoAuthorize, long nowMillis) {
        return new ChargingPoint(id, autoAuthorize ? Registration.AUTHORIZED : Registration.PENDING, nowMillis);
    }

    public void authorize() {
        if (registration == Registration.AUTHORIZED) {
            throw new ConflictException("Charging point " + id + " is already authorized");
        }
        registration = Registration.AUTHORIZED;
    }

    /**
     * Its Monitor registered over a live link: details refreshed, state from the facts.
     * Returns true the first time this CP ever registers.
     */
    public boolean register(String newLocation, BigDecimal newPrice, long nowMillis) {
        if (!isAuthorized()) {
            throw new ConflictException("Charging point " + id + " not yet authorized, please complete authentication first");
        }
        if (newPrice == null || newPrice.signum() < 0) {
            throw new IllegalArgumentException("price_per_kwh must be a number >= 0");
        }
        if (newLocation != null && !newLocation.isBlank()) {
            location = newLocation;
        }
        pricePerKwh = newPrice;
        lastSeenMillis = nowMillis;
        recomputeState(true);
        boolean first = registeredAtMillis == null;
        registeredAtMillis = nowMillis;
        return first;
    }

    /** The Monitor link is gone (socket lost or heartbeats missed). Any supply in progress has ended. */
    public void linkLost(long nowMillis) {
        charging = false;
        lastSeenMillis = nowMillis;
        recomputeState(false);
    }

    /** Central restarted: nobody is connected until they say so. */
    public void markDisconnectedAtStart() {
        charging = false;
        state = ChargingPointState.DISCONNECTED;
    }

    public void engineFailed() {
        engineFault = true;
        charging = false;
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
        charging = false;
        recomputeState(isConnected());
    }

    public void resumeByOperator() {
        if (!operatorStopped) {
            throw new ConflictException("Charging point " + id + " current status is " + state + ", cannot resume");
        }
        operatorStopped = false;
        recomputeState(isConnected());
    }

    /** A supply may start only on an authorized, connected, ACTIVE CP. */
    public void startCharging() {
        if (!isAuthorized()) {
            throw new ConflictException("Charging point " + id + " is not authorized");
        }
        if (state != ChargingPointState.ACTIVE) {
            throw new ConflictException("Charging point " + id + " current status is " + state + ", cannot charge");
        }
        charging = true;
        recomputeState(true);
    }

    public void chargingEnded() {
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
        state = next;
    }

    public boolean isConnected() {
        return state != ChargingPointState.DISCONNECTED;
    }

    public boolean isAuthorized() {
        return registration == Registration.AUTHORIZED;
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
