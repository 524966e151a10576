package org.evcharging.central.infrastructure.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.evcharging.api.message.DriverScoped;
import org.evcharging.api.message.MessageCodec;
import org.evcharging.api.message.Response;
import org.evcharging.api.message.WireMessage;
import org.evcharging.api.message.driver.StopChargingRequest;
import org.evcharging.central.application.CpCommand;
import org.evcharging.central.application.DriverNotifier;
import org.evcharging.central.application.DriverService;
import org.evcharging.central.domain.model.session.ChargingSession;
import org.evcharging.central.domain.shared.ConflictException;
import org.junit.jupiter.api.Test;

class CpCommandHandlerTest {

    private final List<WireMessage> toDrivers = new ArrayList<>();

    @Test
    void aStopKeptForACentralThatStoppedIsAnsweredByTheNextHolderAlsoWhenTheSessionEndedMeanwhile() {
        // The CP ended the supply by itself while the stop waited for the CP's next Central.
        CpCommandHandler handler = handlerWhoseDriverServiceSays(new ConflictException("Charging session s_1 has already ended"));
        StopChargingRequest stop = StopChargingRequest.of("s_1", "cp_1", "driver_1");

        handler.apply(new CpCommand(CpCommand.Kind.STOP_CHARGING, "cp_1", "central-b/stopped", "central-a/1", MessageCodec.toJson(stop)),
                true);

        assertThat(toDrivers).singleElement().isInstanceOfSatisfying(Response.class, answer -> {
            assertThat(answer.messageId()).isEqualTo(stop.messageId());
            assertThat(answer.driverId()).isEqualTo("driver_1");
            assertThat(answer.status()).isEqualTo("failure");
            assertThat(answer.info()).isEqualTo("Charging session s_1 has already ended");
        });
    }

    private CpCommandHandler handlerWhoseDriverServiceSays(ConflictException refusal) {
        DriverRequests requests = new DriverRequests();
        requests.drivers = new DriverService() {
            @Override
            public ChargingSession stop(String sessionId, String driverId) {
                throw refusal;
            }
        };
        requests.replies = new DriverNotifier() {
            @Override
            public <T extends WireMessage & DriverScoped> void notify(T message) {
                toDrivers.add(message);
            }
        };
        CpCommandHandler handler = new CpCommandHandler();
        handler.driverRequests = requests;
        return handler;
    }
}
