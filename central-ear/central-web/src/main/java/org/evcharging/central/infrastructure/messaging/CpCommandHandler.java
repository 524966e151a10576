package org.evcharging.central.infrastructure.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.logging.Level;
import java.util.logging.Logger;

import org.evcharging.api.message.MessageCodec;
import org.evcharging.api.message.ParseResult;
import org.evcharging.api.message.WireMessage;
import org.evcharging.api.message.driver.ChargeRequest;
import org.evcharging.api.message.driver.StopChargingRequest;
import org.evcharging.central.application.ChargingPointRegistry;
import org.evcharging.central.application.CpCommand;
import org.evcharging.central.application.CpCommandApplier;
import org.evcharging.central.application.DriverService;
import org.evcharging.central.application.OperatorService;
import org.evcharging.central.domain.model.chargingpoint.CpId;
import org.evcharging.central.domain.shared.DomainException;

/**
 * Does here what another Central forwarded for a CP this one owns: as if it had arrived here. A late
 * charge (kept while the CP's lease was on its way here) is skipped when the database shows it opened
 * its session, answered then. A late stop is always answered: its Central may have stopped before
 * applying it, and a session that ended meanwhile is refused with the reason, not left unanswered.
 */
@ApplicationScoped
public class CpCommandHandler implements CpCommandApplier {

    private static final Logger LOG = Logger.getLogger(CpCommandHandler.class.getName());

    @Inject
    DriverRequests driverRequests;

    @Inject
    OperatorService operator;

    @Inject
    ChargingPointRegistry registry;

    @Inject
    DriverService drivers;

    @Override
    public void apply(CpCommand command, boolean late) {
        LOG.info(() -> (late ? "Late command " : "Command ") + command.kind().wire() + " for CP " + command.cpId()
                + " from Central " + command.origin());
        try {
            CpId id = CpId.of(command.cpId());
            switch (command.kind()) {
                case CHARGE -> driverRequest(command, ChargeRequest.class)
                        .filter(request -> !late || !drivers.alreadyOpened(request.messageId()))
                        .ifPresent(driverRequests::chargeHere);
                case STOP_CHARGING -> driverRequest(command, StopChargingRequest.class).ifPresent(driverRequests::stopHere);
                case OPERATOR_STOP -> operator.stopHere(id);
                case OPERATOR_RESUME -> operator.resumeHere(id);
                case ADMIT -> operator.admitHere(id);
                case DISCONNECT -> registry.dropLinkHere(id);
            }
        } catch (DomainException | IllegalArgumentException refused) {
            LOG.warning(() -> "Command " + command.kind().wire() + " for CP " + command.cpId() + " not applied: " + refused.getMessage());
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Command " + command.kind().wire() + " for CP " + command.cpId() + " failed", e);
        }
    }

    private static <T extends WireMessage> java.util.Optional<T> driverRequest(CpCommand command, Class<T> type) {
        ParseResult parsed = command.body() == null ? null : MessageCodec.parse(command.body());
        if (parsed instanceof ParseResult.Parsed ok && type.isInstance(ok.message())) {
            return java.util.Optional.of(type.cast(ok.message()));
        }
        LOG.warning(() -> "Command " + command.kind().wire() + " for CP " + command.cpId() + " carries no readable " + type.getSimpleName());
        return java.util.Optional.empty();
    }
}
