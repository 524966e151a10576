package org.evcharging.central.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.math.BigDecimal;
import java.util.List;
import java.util.logging.Logger;

import org.evcharging.central.application.credentials.CredentialHasher;
import org.evcharging.central.application.credentials.CredentialSecrets;
import org.evcharging.central.domain.model.chargingpoint.ChargingPoint;
import org.evcharging.central.domain.model.chargingpoint.CpId;

/**
 * EV_Registry: the operator registers and deregisters CPs, sets their location and price, and
 * issues, rotates and revokes their credentials. A secret is hashed before any transaction starts
 * (the hash is slow on purpose) and returned once; Central keeps only the hash.
 */
@ApplicationScoped
public class ChargingPointRegistry {

    private static final Logger LOG = Logger.getLogger(ChargingPointRegistry.class.getName());

    @Inject
    ChargingPointService chargingPoints;

    @Inject
    MonitorLinks links;

    @Inject
    PayloadKeys payloadKeys;

    @Inject
    CredentialHasher hasher;

    @Inject
    Ownership ownership;

    public List<ChargingPoint> all() {
        return chargingPoints.all();
    }

    public ChargingPoint get(CpId id) {
        return chargingPoints.get(id);
    }

    /**
     * Registers (and so authorizes) a CP with its location and price: a new one, or one waiting in
     * the pending list, whose waiting Monitor is admitted at once. A credential is issued unless
     * {@code legacy}.
     */
    public Enrolled register(CpId id, String location, BigDecimal pricePerKwh, boolean legacy) {
        String secret = legacy ? null : CredentialSecrets.newSecret();
        ChargingPoint cp = chargingPoints.registerByOperator(id, location, pricePerKwh,
                secret == null ? null : hasher.hash(secret));
        if (!ownership.forwarded(CpCommand.Kind.ADMIT, id, null)) {
            OperatorService.approveWaitingConnection(links, payloadKeys, id);
        }
        LOG.info(() -> "Registry: CP " + id + " registered" + (legacy ? " (legacy: by id alone)" : " with a credential"));
        return new Enrolled(cp, secret);
    }

    /** Only the operator sets where a CP is and what it charges. */
    public ChargingPoint setDetails(CpId id, String location, BigDecimal pricePerKwh) {
        return chargingPoints.setDetails(id, location, pricePerKwh);
    }

    /**
     * A new credential replaces the old one, which admits nobody from now on. The Monitor connected
     * now keeps its link; it presents the new credential when it next connects.
     */
    public Enrolled rotate(CpId id) {
        chargingPoints.get(id);
        String secret = CredentialSecrets.newSecret();
        ChargingPoint cp = chargingPoints.credentialIssued(id, hasher.hash(secret));
        LOG.info(() -> "Registry: CP " + id + " has a new credential");
        return new Enrolled(cp, secret);
    }

    /** The credential admits nobody any more, and whoever speaks for the CP now is cut off. */
    public ChargingPoint revoke(CpId id) {
        ChargingPoint cp = chargingPoints.credentialRevoked(id);
        dropLink(id);
        LOG.info(() -> "Registry: CP " + id + " credential revoked, its Monitor disconnected");
        return cp;
    }

    /**
     * Admits the CP by id alone (first-implementation Monitors) or not. Turning it off cuts the
     * current link, which may have been admitted by id alone: the Monitor must come back with its credential.
     */
    public ChargingPoint legacy(CpId id, boolean idOnly) {
        ChargingPoint cp = chargingPoints.legacy(id, idOnly);
        if (!idOnly) {
            dropLink(id);
        }
        return cp;
    }

    /** The CP leaves the network: its credential and row go, its Monitor is cut off. */
    public ChargingPoint deregister(CpId id) {
        ChargingPoint cp = chargingPoints.deregister(id);
        dropLink(id);
        LOG.info(() -> "Registry: CP " + id + " deregistered");
        return cp;
    }

    private void dropLink(CpId id) {
        if (!ownership.forwarded(CpCommand.Kind.DISCONNECT, id, null)) {
            dropLinkHere(id);
        }
    }

    /** Cuts the CP's Monitor link on this Central, if it has one. */
    public void dropLinkHere(CpId id) {
        links.find(id).ifPresent(link -> link.channel().close());
    }
}
