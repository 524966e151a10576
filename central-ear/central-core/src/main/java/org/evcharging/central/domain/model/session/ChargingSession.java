package org.evcharging.central.domain.model.session;

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

import org.evcharging.api.model.SessionEnding;
import org.evcharging.api.model.SessionState;

/**
 * One supply of energy to one driver at one CP. Meter readings are cumulative (energy so far), so a
 * reading applied twice — the same tick arrives through the Monitor and through Kafka — or late is
 * harmless: only a reading with more energy moves the session forward (quirk 10.1), and nothing
 * reopens a finished session (10.22).
 */
@Entity
@Table(name = "charging_sessions")
@NamedQuery(name = "ChargingSession.findUnfinished",
        query = "SELECT s FROM ChargingSession s WHERE s.state IN :states")
@NamedQuery(name = "ChargingSession.findUnfinishedOn",
        query = "SELECT s FROM ChargingSession s WHERE s.cpId = :cpId AND s.state IN :states")
@NamedQuery(name = "ChargingSession.findByDriver",
        query = "SELECT s FROM ChargingSession s WHERE s.driverId = :driverId ORDER BY s.requestedAtMillis DESC")
@NamedQuery(name = "ChargingSession.findAll", query = "SELECT s FROM ChargingSession s ORDER BY s.requestedAtMillis DESC")
@NamedQuery(name = "ChargingSession.findByRequest",
        query = "SELECT s FROM ChargingSession s WHERE s.requestMessageId = :requestMessageId")
@NamedQuery(name = "ChargingSession.findByRequests",
        query = "SELECT s FROM ChargingSession s WHERE s.requestMessageId IN :requestMessageIds")
public class ChargingSession {

    @Id
    @Column(name = "session_id", length = 64)
    private String id;

    @Column(name = "cp_id", nullable = false, length = 64)
    private String cpId;

    @Column(name = "driver_id", nullable = false, length = 128)
    private String driverId;

    @Enumerated(EnumType.STRING)
    @Column(name = "state", nullable = false, length = 16)
    private SessionState state;

    @Column(name = "price_per_kwh", nullable = false, precision = 10, scale = 4)
    private BigDecimal pricePerKwh;

    @Column(name = "energy_kwh", nullable = false, precision = 12, scale = MeterReading.ENERGY_SCALE)
    private BigDecimal energyKwh;

    @Column(name = "total_cost", nullable = false, precision = 12, scale = MeterReading.COST_SCALE)
    private BigDecimal totalCost;

    @Column(name = "requested_at_ms", nullable = false)
    private long requestedAtMillis;

    @Column(name = "started_at_ms")
    private Long startedAtMillis;

    @Column(name = "ended_at_ms")
    private Long endedAtMillis;

    @Column(name = "ended_by", length = 32)
    private String endedBy;

    @Column(name = "request_message_id", length = 128)
    private String requestMessageId;

    /** Two writers ending the same session at once: the second one's commit fails and it re-reads. */
    @Version
    @Column(name = "version")
    private long version;

    protected ChargingSession() {
        // for JPA
    }

    private ChargingSession(String id, String cpId, String driverId, BigDecimal pricePerKwh,
                            String requestMessageId, long nowMillis) {
        this.id = Objects.requireNonNull(id);
        this.cpId = Objects.requireNonNull(cpId);
        this.driverId = Objects.requireNonNull(driverId);
        this.pricePerKwh = Objects.requireNonNull(pricePerKwh);
        this.requestMessageId = requestMessageId;
        this.state = SessionState.AUTHORIZED;
        this.energyKwh = MeterReading.ZERO.energyKwh();
        this.totalCost = MeterReading.ZERO.cost();
        this.requestedAtMillis = nowMillis;
    }

    /** Central accepted the driver's request: the CP is asked to supply. */
    public static ChargingSession authorized(String id, String cpId, String driverId, BigDecimal pricePerKwh,
                                             String requestMessageId, long nowMillis) {
        return new ChargingSession(id, cpId, driverId, pricePerKwh, requestMessageId, nowMillis);
    }

    /**
     * A meter reading (energy and cost so far). Returns true if it moved the session forward; a
     * duplicate, an older reading or one for a finished session changes nothing.
     */
    public boolean meter(MeterReading next, long nowMillis) {
        if (state.isTerminal() || !next.isAheadOf(reading())) {
            return false;
        }
        if (state == SessionState.AUTHORIZED) {
            state = state.moveTo(SessionState.IN_PROGRESS);
            startedAtMillis = nowMillis;
        }
        take(next);
        return true;
    }

    /**
     * The supply ended ({@code last} is null when the CP's own final figures are unknown). Returns
     * true the first time: that is when the driver gets the ticket, and the totals are final. A
     * later report (a duplicate, or the Engine's own final figures after Central closed it on a
     * fault) changes nothing.
     */
    public boolean end(MeterReading last, SessionEnding ending, long nowMillis) {
        return end(last, ending, nowMillis, null);
    }

    /**
     * The same, with when the CP says the supply ended ({@code reportedEndMillis}, null if unknown):
     * a completion can reach Central long after the supply ended (Central was down, the broker was
     * away), and the ticket must say when the supply ended, not when Central heard of it. A time
     * outside the session's life (a CP clock gone wrong) is not believed.
     */
    public boolean end(MeterReading last, SessionEnding ending, long nowMillis, Long reportedEndMillis) {
        if (state.isTerminal()) {
            // The ticket went out with these totals: what Central stores never disagrees with it.
            return false;
        }
        long endAt = reportedEndMillis != null && reportedEndMillis >= requestedAtMillis
                && reportedEndMillis <= nowMillis ? reportedEndMillis : nowMillis;
        if (last != null) {
            meter(last, endAt);
        }
        // Never supplied: nothing to bill. Once energy flowed, what was metered is always billed.
        SessionState next = state == SessionState.IN_PROGRESS ? SessionState.COMPLETED
                : ending.commandedByCentral() ? SessionState.CANCELLED : SessionState.FAILED;
        state = state.moveTo(next);
        endedBy = ending.wire();
        // Seconds on the wire: an end reported within the second the supply was first seen is that moment.
        endedAtMillis = Math.max(endAt, startOrRequestMillis());
        return true;
    }

    private void take(MeterReading next) {
        energyKwh = next.energyKwh();
        totalCost = next.cost();
    }

    public MeterReading reading() {
        return new MeterReading(energyKwh, totalCost);
    }

    public boolean hasStarted() {
        return startedAtMillis != null;
    }

    /** When the supply began, or when it was asked for if it never began. */
    public long startOrRequestMillis() {
        return startedAtMillis != null ? startedAtMillis : requestedAtMillis;
    }

    public boolean isRunning() {
        return !state.isTerminal();
    }

    public boolean belongsTo(String driver) {
        return driverId.equals(driver);
    }

    public String id() {
        return id;
    }

    public String cpId() {
        return cpId;
    }

    public String driverId() {
        return driverId;
    }

    public SessionState state() {
        return state;
    }

    public BigDecimal pricePerKwh() {
        return pricePerKwh;
    }

    public BigDecimal energyKwh() {
        return energyKwh;
    }

    public BigDecimal totalCost() {
        return totalCost;
    }

    public long requestedAtMillis() {
        return requestedAtMillis;
    }

    public Long startedAtMillis() {
        return startedAtMillis;
    }

    public Long endedAtMillis() {
        return endedAtMillis;
    }

    public String endedBy() {
        return endedBy;
    }

    public String requestMessageId() {
        return requestMessageId;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ChargingSession that && id.equals(that.id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }
}
