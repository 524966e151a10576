package org.evcharging.central.domain.model.ownership;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Duration;
import java.util.Optional;

import org.evcharging.central.domain.model.chargingpoint.CpId;
import org.evcharging.central.domain.shared.ConflictException;

/**
 * Which Central owns a CP, until when. Only the holder acts on the CP (follows its session, talks to
 * its Monitor, writes it DISCONNECTED when its link is lost). The holder renews it; anybody may take
 * it once it has expired. The epoch counts the hands it passed through; the version fences every
 * change: of two Centrals racing for the same row, the second to commit loses.
 */
@Entity
@Table(name = "cp_leases")
@NamedQuery(name = "CpLease.heldBy", query = "SELECT l FROM CpLease l WHERE l.centralId = :central")
@NamedQuery(name = "CpLease.expired", query = "SELECT l FROM CpLease l WHERE l.expiresAtMillis < :now")
@NamedQuery(name = "CpLease.valid", query = "SELECT l FROM CpLease l WHERE l.expiresAtMillis >= :now")
@NamedQuery(name = "CpLease.renew", query = "UPDATE CpLease l SET l.expiresAtMillis = :until, l.version = l.version + 1"
        + " WHERE l.centralId = :central")
public class CpLease {

    @Id
    @Column(name = "cp_id", length = CpId.MAX_LENGTH)
    private String cpId;

    @Column(name = "central_id", nullable = false, length = 128)
    private String centralId;

    @Column(name = "epoch", nullable = false)
    private long epoch;

    @Column(name = "expires_at_ms", nullable = false)
    private long expiresAtMillis;

    @Version
    @Column(name = "version")
    private Long version;

    protected CpLease() {
        // JPA
    }

    private CpLease(CpId cpId, String centralId, long expiresAtMillis) {
        this.cpId = cpId.value();
        this.centralId = centralId;
        this.epoch = 1;
        this.expiresAtMillis = expiresAtMillis;
    }

    /** The first lease of a CP nobody holds. */
    public static CpLease first(CpId cpId, String centralId, long nowMillis, Duration term) {
        requireTerm(term);
        return new CpLease(cpId, requireCentral(centralId), nowMillis + term.toMillis());
    }

    /** Whether {@code central} may take it now: it is its own, or the holder let it expire. */
    public boolean mayBeTakenBy(String central, long nowMillis) {
        return isHeldBy(central) || isExpired(nowMillis);
    }

    /**
     * {@code central} takes (or keeps) the CP for {@code term} from now. Passing to another Central
     * starts a new epoch. Refused while another Central's lease runs.
     */
    public void takeBy(String central, long nowMillis, Duration term) {
        requireTerm(term);
        requireCentral(central);
        if (!mayBeTakenBy(central, nowMillis)) {
            throw new ConflictException("Charging point " + cpId + " is held by Central " + centralId
                    + " for another " + (expiresAtMillis - nowMillis) + " ms");
        }
        if (!isHeldBy(central)) {
            centralId = central;
            epoch++;
        }
        expiresAtMillis = nowMillis + term.toMillis();
    }

    public boolean isHeldBy(String central) {
        return centralId.equals(central);
    }

    /** Past its end: its holder stopped renewing (dead, cut off, or too slow) and it is free to take. */
    public boolean isExpired(long nowMillis) {
        return nowMillis > expiresAtMillis;
    }

    /** The Central that holds it now; empty once it expired. */
    public Optional<String> holder(long nowMillis) {
        return isExpired(nowMillis) ? Optional.empty() : Optional.of(centralId);
    }

    public CpId cpId() {
        return CpId.of(cpId);
    }

    public String centralId() {
        return centralId;
    }

    public long epoch() {
        return epoch;
    }

    public long expiresAtMillis() {
        return expiresAtMillis;
    }

    private static void requireTerm(Duration term) {
        if (term == null || term.isNegative() || term.isZero()) {
            throw new IllegalArgumentException("A lease term must be positive: " + term);
        }
    }

    private static String requireCentral(String central) {
        if (central == null || central.isBlank()) {
            throw new IllegalArgumentException("A lease needs the id of the Central that holds it");
        }
        return central;
    }

    @Override
    public String toString() {
        return "CpLease[" + cpId + " held by " + centralId + ", epoch " + epoch + ", until " + expiresAtMillis + "]";
    }
}
