package org.evcharging.central.infrastructure.ocpp;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.evcharging.central.application.OcppMeterSample;
import org.evcharging.central.application.OcppStations;
import org.evcharging.central.application.OcppStations.IdTagStatus;
import org.evcharging.central.domain.shared.ConflictException;
import org.evcharging.central.domain.shared.InvalidInputException;
import org.evcharging.central.domain.shared.NotFoundException;
import org.evcharging.central.infrastructure.ocpp.Ocpp16.AuthorizeConf;
import org.evcharging.central.infrastructure.ocpp.Ocpp16.AuthorizeReq;
import org.evcharging.central.infrastructure.ocpp.Ocpp16.BootNotificationConf;
import org.evcharging.central.infrastructure.ocpp.Ocpp16.BootNotificationReq;
import org.evcharging.central.infrastructure.ocpp.Ocpp16.Empty;
import org.evcharging.central.infrastructure.ocpp.Ocpp16.HeartbeatConf;
import org.evcharging.central.infrastructure.ocpp.Ocpp16.IdTagInfo;
import org.evcharging.central.infrastructure.ocpp.Ocpp16.MeterValuesReq;
import org.evcharging.central.infrastructure.ocpp.Ocpp16.StartTransactionConf;
import org.evcharging.central.infrastructure.ocpp.Ocpp16.StartTransactionReq;
import org.evcharging.central.infrastructure.ocpp.Ocpp16.StatusNotificationReq;
import org.evcharging.central.infrastructure.ocpp.Ocpp16.StopTransactionConf;
import org.evcharging.central.infrastructure.ocpp.Ocpp16.StopTransactionReq;

/**
 * The CALLs a charger makes, decoded into their payload records and handed to {@link OcppStations};
 * the answer is the CALLRESULT payload. Actions of OCPP 1.6 outside what Central supports are
 * NotSupported, names OCPP does not know NotImplemented.
 */
@ApplicationScoped
class OcppActions {

    /** OCPP 1.6 actions a charger may send that Central recognizes but does not support. */
    static final Set<String> NOT_SUPPORTED = Set.of("DataTransfer", "DiagnosticsStatusNotification",
            "FirmwareStatusNotification");

    @Inject
    OcppStations stations;

    Clock clock = Clock.systemUTC();

    JsonNode handle(OcppConnection charger, OcppFrame.Call call) {
        try {
            return OcppCodec.tree(dispatch(charger, call.action(), call.payload()));
        } catch (InvalidInputException e) {
            throw new OcppViolation(OcppErrorCode.PropertyConstraintViolation, e.getMessage());
        } catch (ConflictException | NotFoundException e) {
            throw new OcppViolation(OcppErrorCode.GenericError, e.getMessage());
        }
    }

    private Object dispatch(OcppConnection charger, String action, JsonNode payload) {
        return switch (action) {
            case "BootNotification" -> boot(charger, OcppCodec.payload(payload, BootNotificationReq.class));
            case "Heartbeat" -> {
                stations.alive(charger);
                yield new HeartbeatConf(now());
            }
            case "StatusNotification" -> {
                StatusNotificationReq status = OcppCodec.payload(payload, StatusNotificationReq.class);
                stations.status(charger, charger.cpId(), status.status(), status.errorCode());
                yield new Empty();
            }
            case "Authorize" -> new AuthorizeConf(idTagInfo(stations.authorize(charger.cpId(),
                    OcppCodec.payload(payload, AuthorizeReq.class).idTag())));
            case "StartTransaction" -> {
                StartTransactionReq start = OcppCodec.payload(payload, StartTransactionReq.class);
                OcppStations.Start started = stations.startTransaction(charger, charger.cpId(), start.idTag(), start.meterStart());
                yield new StartTransactionConf(idTagInfo(started.status()), started.transactionId());
            }
            case "MeterValues" -> {
                MeterValuesReq values = OcppCodec.payload(payload, MeterValuesReq.class);
                stations.meterValues(charger, charger.cpId(), values.transactionId(), samples(values.meterValue()));
                yield new Empty();
            }
            case "StopTransaction" -> {
                StopTransactionReq stop = OcppCodec.payload(payload, StopTransactionReq.class);
                stations.stopTransaction(charger, charger.cpId(), stop.transactionId(), stop.meterStop(),
                        stop.endedAtEpochSeconds(), stop.reason());
                yield new StopTransactionConf(new IdTagInfo("Accepted"));
            }
            default -> throw new OcppViolation(NOT_SUPPORTED.contains(action) ? OcppErrorCode.NotSupported
                    : OcppErrorCode.NotImplemented, "Action " + action + " is not " + (NOT_SUPPORTED.contains(action)
                    ? "supported by this Central" : "an OCPP 1.6 action Central knows"));
        };
    }

    private BootNotificationConf boot(OcppConnection charger, BootNotificationReq boot) {
        OcppStations.Boot answer = stations.boot(charger, charger.cpId());
        charger.booted(boot.chargePointVendor() + " " + boot.chargePointModel());
        String status = answer.status() == OcppStations.Registration.ACCEPTED ? "Accepted" : "Pending";
        return new BootNotificationConf(status, now(), answer.intervalSeconds());
    }

    private static List<OcppMeterSample> samples(List<Ocpp16.MeterValue> values) {
        return values.stream().flatMap(value -> value.sampledValue().stream())
                .map(sample -> new OcppMeterSample(sample.measurand(), sample.unit(), sample.value())).toList();
    }

    private static IdTagInfo idTagInfo(IdTagStatus status) {
        return new IdTagInfo(switch (status) {
            case ACCEPTED -> "Accepted";
            case INVALID -> "Invalid";
            case CONCURRENT_TX -> "ConcurrentTx";
        });
    }

    private String now() {
        return Instant.now(clock).toString();
    }
}
