package org.evcharging.central.interfaces.panel;

import jakarta.annotation.Priority;
import jakarta.decorator.Decorator;
import jakarta.decorator.Delegate;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;

import org.evcharging.api.message.DriverScoped;
import org.evcharging.api.message.MessageType;
import org.evcharging.api.message.Response;
import org.evcharging.api.message.WireMessage;
import org.evcharging.api.message.session.ChargeCompletion;
import org.evcharging.central.application.DriverNotifier;
import org.evcharging.central.application.PanelNotice;

/**
 * Every answer to a driver passes through the {@link DriverNotifier} port, so Central's decisions
 * (accepted, refused with the reason) and the tickets are copied to the panel's feed here, without
 * touching the code that decides.
 */
@Decorator
@Priority(Interceptor.Priority.APPLICATION)
public abstract class DriverDecisionsToPanel implements DriverNotifier {

    @Inject
    @Delegate
    DriverNotifier delegate;

    @Inject
    Event<PanelNotice> notices;

    @Override
    public <T extends WireMessage & DriverScoped> void notify(T message) {
        delegate.notify(message);
        if (message instanceof Response reply && MessageType.CHARGE_REQUEST.responseType().equals(reply.type())) {
            boolean accepted = reply.succeeded();
            notices.fire(PanelNotice.of(accepted ? PanelNotice.Kind.ACCEPTED : PanelNotice.Kind.REFUSED, reply.cpId(),
                    reply.driverId(), (accepted ? "Accepted " : "Refused ") + reply.driverId() + " at " + reply.cpId()
                            + (accepted ? " (session " + reply.sessionId() + ")" : ": " + reply.info())));
        } else if (message instanceof ChargeCompletion ticket) {
            notices.fire(PanelNotice.of(PanelNotice.Kind.ENDED, ticket.cpId(), ticket.driverId(), "Session at "
                    + ticket.cpId() + " for " + ticket.driverId() + " ended (" + ticket.endedBy() + "): "
                    + ticket.energyConsumedKwh() + " kWh, " + ticket.totalCost() + " EUR"));
        }
    }
}
