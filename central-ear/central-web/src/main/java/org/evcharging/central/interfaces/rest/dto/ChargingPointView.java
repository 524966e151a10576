package org.evcharging.central.interfaces.rest.dto;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.math.BigDecimal;

import org.evcharging.api.security.PayloadSignature;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.evcharging.central.application.ChargingPointStatus;
import org.evcharging.central.application.Enrolled;
import org.evcharging.central.application.LiveCharge;
import org.evcharging.central.domain.model.chargingpoint.ChargingPoint;
import org.evcharging.central.domain.model.chargingpoint.Registration;

/**
 * A charging point as the operator sees it; {@code connected} says a Monitor is connected for it now
 * (also while it waits for authorization), {@code charging} is present only while a session runs on it.
 * {@code legacy}: admitted by id alone; {@code hasCredential}: a credential is issued and not revoked;
 * {@code credential}: the secret just issued, present only in the answer that issued it.
 * {@code payloadKeyId}: the id (never the key) of the payload key the CP's Engine signs its Kafka records with.
 */
@Schema(name = "ChargingPoint", description = "A charging point, its state, panel colour and supply in progress")
public record ChargingPointView(String id, String location, BigDecimal pricePerKwh,
                                @Schema(enumeration = {"ACTIVE", "STOPPED", "CHARGING", "FAULTY", "DISCONNECTED"})
                                String state, String label, String colour,
                                @Schema(enumeration = {"PENDING", "AUTHORIZED"}) String registration,
                                boolean pendingAuthorization, boolean connected, Long lastSeenMs,
                                @JsonInclude(JsonInclude.Include.NON_NULL) LiveCharge charging,
                                boolean legacy, boolean hasCredential,
                                @JsonInclude(JsonInclude.Include.NON_NULL)
                                @Schema(description = "The new secret: shown this once, never again") String credential,
                                @Schema(description = "Present for a CP connected over another protocol than the course one: OCPP")
                                @JsonInclude(JsonInclude.Include.NON_NULL) String protocol,
                                @Schema(description = "Id of the payload key its Engine signs Kafka records with; absent when none")
                                @JsonInclude(JsonInclude.Include.NON_NULL) String payloadKeyId,
                                @Schema(description = "The Central that owns the CP now, when several share the network")
                                @JsonInclude(JsonInclude.Include.NON_NULL) String central) {

    public static ChargingPointView of(ChargingPoint cp) {
        return of(ChargingPointStatus.of(cp));
    }

    public static ChargingPointView of(ChargingPointStatus status) {
        ChargingPoint cp = status.chargingPoint();
        return new ChargingPointView(cp.id().value(), cp.location(), cp.pricePerKwh(), cp.state().name(),
                cp.state().label(), cp.state().colour().css(), cp.registration().name(),
                cp.registration() == Registration.PENDING, status.monitorConnected(), cp.lastSeenMillis(), status.charge(),
                cp.isLegacy(), cp.hasCredential(), null, status.protocolLabel(),
                cp.payloadKey().map(PayloadSignature.Key::id).orElse(null), status.central());
    }

    /** The CP as just enrolled, with the secret it was given (null for a legacy CP). */
    public static ChargingPointView of(Enrolled enrolled) {
        ChargingPointView view = of(enrolled.chargingPoint());
        return new ChargingPointView(view.id, view.location, view.pricePerKwh, view.state, view.label, view.colour,
                view.registration, view.pendingAuthorization, view.connected, view.lastSeenMs, view.charging,
                view.legacy, view.hasCredential, enrolled.credential(), view.protocol, view.payloadKeyId, view.central);
    }
}
