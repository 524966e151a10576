package org.evcharging.central.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Optional;
import java.util.logging.Logger;

import org.evcharging.api.security.PayloadSignature;
import org.evcharging.api.security.PayloadSignature.Key;
import org.evcharging.api.security.PayloadSignature.Verdict;
import org.evcharging.central.application.audit.AuditEntry;
import org.evcharging.central.application.audit.AuditTrail;
import org.evcharging.central.domain.model.chargingpoint.ChargingPoint;
import org.evcharging.central.domain.model.chargingpoint.CpId;
import org.evcharging.central.domain.shared.DomainException;

/**
 * Per-CP payload keys for the Engine's Kafka records. A Monitor admitted by its credential gets its
 * CP's key in the {@code auth_response} (issued then if the CP holds none) and hands it to its
 * Engine, which signs every record with it (see {@link PayloadSignature} for the rule). Central
 * checks the records of every CP but a legacy one: unsigned, wrongly signed, or signed with a key
 * that was revoked or replaced, a record is refused, logged and audited, and not applied.
 */
@ApplicationScoped
public class PayloadKeys {

    private static final Logger LOG = Logger.getLogger(PayloadKeys.class.getName());
    static final String RECORD_ACTION = "kafka.record";

    @Inject
    ChargingPointService chargingPoints;

    @Inject
    SessionService sessions;

    @Inject
    MonitorLinks links;

    @Inject
    AuditTrail audit;

    @Inject
    SigningRules rules;

    @Inject
    RunningSessions running;

    /** As {@link #forAdmitted(MonitorChannel, ChargingPoint)}, reading the CP first (an operator's approval). */
    public Optional<Key> forAdmitted(MonitorChannel channel, CpId id) {
        return forAdmitted(channel, chargingPoints.get(id));
    }

    /**
     * The key for a connection just admitted for {@code id} (by its credential, or by the operator's
     * approval while it waited): the one the CP holds, or a new one if it
     * holds none (first time, or revoked). Empty for a legacy CP (admitted by id alone, it must not
     * learn a key) and for a connection not admitted.
     */
    public Optional<Key> forAdmitted(MonitorChannel channel, ChargingPoint cp) {
        CpId id = cp.id();
        if (!channel.isAdmittedFor(id) || !cp.mustSignRecords()) {
            return Optional.empty();
        }
        Optional<Key> held = cp.payloadKey();
        return held.isPresent() ? held : Optional.of(issue(id, MonitorReports.source(channel)));
    }

    /**
     * The operator revokes the CP's key: records signed with it are refused from now on. A Monitor
     * linked by its credential gets a new key at once (so its Engine's next records are accepted);
     * otherwise the CP gets one when its Monitor next authenticates. Returns the new key's id, if any.
     */
    public Optional<String> revoke(CpId id) {
        String old = chargingPoints.get(id).payloadKey().map(Key::id).orElse(null);
        ChargingPoint cp = chargingPoints.payloadKeyRevoked(id);
        rules.forget(id);
        LOG.info(() -> "Payload key " + old + " of CP " + id + " revoked: its records are refused from now on");
        Optional<MonitorChannel> linked = links.find(id).map(MonitorLink::channel).filter(c -> c.isAdmittedFor(id));
        if (linked.isEmpty() || !cp.mustSignRecords()) {
            return Optional.empty();
        }
        Key fresh = issue(id, null);
        if (!linked.get().payloadKeyIssued(fresh)) {
            LOG.info(() -> "CP " + id + " could not be sent its new payload key now: it gets it at its next authentication");
        }
        return Optional.of(fresh.id());
    }

    /**
     * Checks a record of {@code topic} read from Kafka before it is applied. The CP is the one the
     * session runs at (a record cannot borrow another CP's session), else the one the record names.
     * Empty: apply it. Otherwise the refusal, already logged and audited.
     */
    public Optional<String> refusal(String topic, String record, String recordCpId, String sessionId) {
        if (sessionId != null && running.endedRecently(sessionId)) {
            return Optional.empty(); // a late copy of an ended session changes nothing, signed or not
        }
        Optional<CpId> cpId = sessionId == null ? Optional.empty() : sessions.cpOf(sessionId);
        if (cpId.isEmpty()) {
            cpId = parse(recordCpId);
        }
        if (cpId.isEmpty()) {
            return Optional.empty();
        }
        Optional<SigningRules.Rule> rule = rules.of(cpId.get());
        if (rule.isEmpty() || !rule.get().mustSign()) {
            return Optional.empty();
        }
        CpId id = cpId.get();
        Verdict verdict = PayloadSignature.verify(record, rule.get().key().orElse(null));
        String reason;
        if (!verdict.isValid()) {
            reason = verdict.reason();
        } else if (recordCpId != null && !recordCpId.equals(id.value())) {
            reason = "the record names charging point " + recordCpId + " but session " + sessionId + " runs at " + id;
        } else {
            return Optional.empty();
        }
        String keyId = PayloadSignature.keyIdOf(record);
        String parameters = "topic=" + topic + ", session=" + sessionId + (keyId == null ? "" : ", key_id=" + keyId);
        LOG.warning(() -> "Kafka record of CP " + id + " refused (" + parameters + "): " + reason);
        audit.record(AuditEntry.refused("cp:" + id, null, RECORD_ACTION, parameters, reason));
        return Optional.of(reason);
    }

    private Key issue(CpId id, String sourceIp) {
        Key fresh = PayloadSignature.newKey();
        chargingPoints.payloadKeyIssued(id, fresh);
        rules.forget(id);
        audit.record(AuditEntry.done("cp:" + id, sourceIp, "payload-key.issue", "key_id=" + fresh.id()));
        LOG.info(() -> "CP " + id + " issued payload key " + fresh.id());
        return fresh;
    }

    private static Optional<CpId> parse(String id) {
        if (id == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(CpId.of(id));
        } catch (DomainException e) {
            return Optional.empty();
        }
    }
}
