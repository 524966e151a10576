package org.evcharging.driver.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.evcharging.api.message.MessageType;
import org.evcharging.api.message.Response;
import org.evcharging.api.message.WireMessage;
import org.evcharging.api.message.driver.ChargeRequest;
import org.evcharging.api.message.driver.ChargingStatusUpdate;
import org.evcharging.api.message.session.ChargeCompletion;
import org.junit.jupiter.api.Test;

/** What one driver's state makes of Central's records, duplicates and late arrivals included. */
class DriverAccountTest {

    private final List<WireMessage> sent = new ArrayList<>();
    private final List<Runnable> scheduled = new ArrayList<>();
    private final DriverAccount account = new DriverAccount("ana", (request, driverId) -> sent.add(request),
            new AccountEvents() {
                @Override
                public void changed(DriverAccount changed) {
                }

                @Override
                public long servicePauseMs() {
                    return 4000;
                }

                @Override
                public void schedule(Runnable task, long delayMs) {
                    scheduled.add(task);
                }
            });

    private String accept(String cpId) {
        ChargeRequest request = (ChargeRequest) sent.get(sent.size() - 1);
        Response ok = Response.success(MessageType.CHARGE_REQUEST, request.messageId(), "authorized")
                .withSessionId("s-" + cpId).withCpId(cpId).withDriverId("ana");
        account.accept(ok, 1);
        return "s-" + cpId;
    }

    private AccountView.SessionView session() {
        return account.view(3000).session();
    }

    @Test
    void aRequestGoesOutInTheWireFormatAndItsAnswerStartsTheSession() {
        assertThat(account.requestCharge("CP1")).isEmpty();
        assertThat(sent).singleElement().isInstanceOfSatisfying(ChargeRequest.class, r -> {
            assertThat(r.cpId()).isEqualTo("CP1");
            assertThat(r.driverId()).isEqualTo("ana");
        });
        accept("CP1");
        assertThat(session().stage()).isEqualTo("ACCEPTED");
        assertThat(session().stoppable()).isTrue();
        assertThat(account.requestCharge("CP2")).contains("You already have a charge under way at CP1.");
    }

    @Test
    void duplicatedAndLateReadingsNeverMakeTheFiguresGoBackwards() {
        account.requestCharge("CP1");
        String session = accept("CP1");
        ChargingStatusUpdate second = ChargingStatusUpdate.progress("ana", session, "CP1", 0.2, 0.05);
        ChargingStatusUpdate first = ChargingStatusUpdate.progress("ana", session, "CP1", 0.1, 0.03);
        account.accept(second, 20);
        account.accept(second, 20);
        account.accept(first, 10);
        assertThat(session().energyKwh()).isEqualTo(0.2);
        assertThat(session().lastKafkaTimestamp()).isEqualTo(20);
        assertThat(session().steps()).filteredOn(s -> s.kind() == Step.StepKind.STARTED).hasSize(1);
    }

    @Test
    void theTicketEndsTheSessionOnceAndLaterReadingsAreIgnored() {
        account.requestCharge("CP1");
        String session = accept("CP1");
        ChargeCompletion ticket = ChargeCompletion.ticket("CP1", session, "ana", 0.5, 0.13, "driver_stop",
                "2026-11-24T03:00:00Z", "2026-11-24T03:00:10Z");
        account.accept(ticket, 30);
        account.accept(ticket, 30);
        account.accept(ChargingStatusUpdate.progress("ana", session, "CP1", 0.6, 0.15), 25);
        AccountView view = account.view(3000);
        assertThat(view.session().live()).isFalse();
        assertThat(view.session().energyKwh()).isEqualTo(0.5);
        assertThat(view.session().ticket().endedBy()).isEqualTo("Stopped by the driver");
        assertThat(view.tickets()).singleElement().extracting(Ticket::sessionId).isEqualTo(session);
    }

    @Test
    void aRefusalCarriesCentralsReason() {
        account.requestCharge("NOPE");
        ChargeRequest request = (ChargeRequest) sent.get(0);
        account.accept(Response.failure(MessageType.CHARGE_REQUEST, request.messageId(),
                "Charging point NOPE not registered").withDriverId("ana"), 1);
        assertThat(session().stage()).isEqualTo("REFUSED");
        assertThat(session().steps()).last().extracting(Step::text).isEqualTo("Refused: Charging point NOPE not registered");
    }

    @Test
    void anUnansweredRequestIsResentWithTheSameIdAndMakesCentralLookSilent() {
        account.requestCharge("CP1");
        assertThat(account.centralSilent(0)).isTrue();
        account.checkOverdue(0);
        assertThat(sent).hasSize(2);
        assertThat(sent.get(1).messageId()).isEqualTo(sent.get(0).messageId());
        accept("CP1");
        assertThat(account.centralSilent(0)).isFalse();
    }

    @Test
    void aServiceListMovesOnAfterEachEndingWithAPause() {
        assertThat(account.runServices(List.of("NOPE", "CP2"))).isEmpty();
        ChargeRequest firstRequest = (ChargeRequest) sent.get(0);
        account.accept(Response.failure(MessageType.CHARGE_REQUEST, firstRequest.messageId(), "not registered")
                .withDriverId("ana"), 1);
        AccountView.ServicesView services = account.view(3000).services();
        assertThat(services.finished()).isEqualTo(1);
        assertThat(services.pauseLeftMs()).isPositive();
        assertThat(scheduled).hasSize(1);

        scheduled.get(0).run();
        assertThat(sent).last().isInstanceOfSatisfying(ChargeRequest.class, r -> assertThat(r.cpId()).isEqualTo("CP2"));
        assertThat(account.view(3000).services().items()).extracting(AccountView.ServiceItem::state)
                .containsExactly("FAILED", "RUNNING");
    }

    @Test
    void aSessionRequestedElsewhereUnderThisDriverIsFollowedToo() {
        account.accept(ChargingStatusUpdate.progress("ana", "s-far", "CP9", 0.1, 0.02), 5);
        assertThat(session().sessionId()).isEqualTo("s-far");
        assertThat(session().cpId()).isEqualTo("CP9");
        assertThat(session().stoppable()).isTrue();
        assertThat(account.stop()).isEmpty();
    }
}
