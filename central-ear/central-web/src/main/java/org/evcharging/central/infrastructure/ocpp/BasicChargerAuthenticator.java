package org.evcharging.central.infrastructure.ocpp;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.logging.Logger;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.evcharging.central.application.ChargingPointService;
import org.evcharging.central.application.accounts.SignInThrottle;
import org.evcharging.central.application.audit.AuditEntry;
import org.evcharging.central.application.audit.AuditTrail;
import org.evcharging.central.application.credentials.CredentialHasher;
import org.evcharging.central.domain.model.chargingpoint.Admission;
import org.evcharging.central.domain.model.chargingpoint.ChargingPoint;
import org.evcharging.central.domain.model.chargingpoint.CpId;

/**
 * OCPP security profiles 1 and 2. Profile 1: a known, authorized, non-legacy charger presents
 * HTTP Basic credentials at its handshake — username its chargePointId, password the credential
 * the operator was shown when authorizing or registering it (the same credential, and the same
 * {@link Admission} rule, as a course CP's Monitor). A legacy charger connects by its id alone; an
 * unknown or pending one connects without credentials to boot and wait in the pending list.
 * Profile 2: the same over TLS; with {@code ocpp.require.tls} plain ws:// is refused, except for
 * legacy chargers. The slow hash runs once per connection, here, never per frame; wrong passwords
 * count in the server's {@link SignInThrottle} like operators' failed sign-ins.
 */
@ApplicationScoped
public class BasicChargerAuthenticator implements ChargerAuthenticator {

    static final String ACTION = "ocpp.connect";
    private static final Logger LOG = Logger.getLogger(BasicChargerAuthenticator.class.getName());

    @Inject
    ChargingPointService chargingPoints;

    @Inject
    CredentialHasher hasher;

    @Inject
    SignInThrottle throttle;

    @Inject
    AuditTrail audit;

    /** Security profile 2 only: plain ws:// is refused for every charger but legacy ones. */
    @Inject
    @ConfigProperty(name = "ocpp.require.tls", defaultValue = "false")
    boolean requireTls;

    @Override
    public Verdict admits(Handshake handshake) {
        CpId id = handshake.chargePoint();
        Optional<ChargingPoint> known = chargingPoints.find(id);
        boolean legacy = known.filter(cp -> cp.isAuthorized() && cp.isLegacy()).isPresent();
        if (requireTls && !handshake.secure() && !legacy) {
            return refused(handshake, Verdict.tlsRequired("Charging point " + id + " must connect over TLS"
                    + " (OCPP security profile 2): use wss:// on Central's HTTPS port"));
        }
        if (known.isEmpty() || !known.get().isAuthorized()) {
            // Unknown or pending: it boots and waits for the operator, who then gives it its password.
            return Verdict.ADMITTED;
        }
        ChargingPoint cp = known.get();
        Optional<String> password = handshake.authorization().flatMap(BasicChargerAuthenticator::basic)
                .filter(basic -> basic.username().equals(id.value())).map(Basic::password);
        boolean offered = handshake.authorization().isPresent();
        if (offered && cp.hasCredential() && !cp.isLegacy()) {
            Optional<Duration> wait = throttle.refusedFor(handshake.sourceIp(), account(id));
            if (wait.isPresent()) {
                long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
                return refused(handshake, Verdict.throttled("Too many wrong passwords for charging point " + id
                        + ": try again in " + seconds + " s", wait.get()));
            }
        }
        Admission admission = Admission.of(cp, password.orElse(null), hasher::matches);
        if (admission.isAdmitted()) {
            if (admission == Admission.BY_CREDENTIAL) {
                throttle.succeeded(account(id));
            }
            return Verdict.ADMITTED;
        }
        if (offered && (admission == Admission.WRONG_CREDENTIAL || admission == Admission.NO_CREDENTIAL)) {
            // Credentials were offered and did not match (wrong password, wrong username or unreadable).
            throttle.failed(handshake.sourceIp(), account(id));
            return refused(handshake, Verdict.unauthorized(Admission.WRONG_CREDENTIAL.refusal(id)));
        }
        return refused(handshake, Verdict.unauthorized(admission.refusal(id)));
    }

    private Verdict refused(Handshake handshake, Verdict verdict) {
        CpId id = handshake.chargePoint();
        audit.record(AuditEntry.refused("cp:" + id, handshake.sourceIp(), ACTION,
                handshake.secure() ? "wss" : "ws", verdict.message()));
        LOG.warning(() -> "Refused the OCPP connection of " + id + " from " + handshake.sourceIp() + ": " + verdict.message());
        return verdict;
    }

    /** The throttle's account key: apart from operators' usernames. */
    private static String account(CpId id) {
        return "ocpp:" + id.value();
    }

    private record Basic(String username, String password) {
    }

    private static Optional<Basic> basic(String header) {
        if (!header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon <= 0 ? Optional.empty()
                    : Optional.of(new Basic(decoded.substring(0, colon), decoded.substring(colon + 1)));
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
    }
}
