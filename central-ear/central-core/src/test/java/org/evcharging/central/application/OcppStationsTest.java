package org.evcharging.central.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.evcharging.api.message.driver.ChargingStatusUpdate;
import org.evcharging.api.model.ChargingPointState;
import org.evcharging.api.model.SessionEnding;
import org.evcharging.central.application.OcppStations.IdTagStatus;
import org.evcharging.central.application.OcppStations.Registration;
import org.evcharging.central.domain.model.chargingpoint.CpId;
import org.evcharging.central.domain.model.session.ChargingSession;
import org.evcharging.central.domain.model.session.MeterReading;
import org.evcharging.central.domain.shared.InvalidInputException;
import org.junit.jupiter.api.Test;

/** The OCPP Core profile as the operator and the driver see it: the same pending list, sessions and tickets as a course CP. */
class OcppStationsTest {

    private static final CpId WALLBOX = CpId.of("wallbox_1");

    private final CoreFixture central = new CoreFixture();
    private final OcppStations ocpp = new OcppStations();
    private final OcppCharger charger = new OcppCharger("10.0.0.7:51000");

    OcppStationsTest() {
        ocpp.reports = central.reports;
        ocpp.chargingPoints = central.chargingPoints;
        ocpp.sessions = central.sessions;
        ocpp.store = central.store;
        ocpp.running = central.running;
        ocpp.links = central.links;
        ocpp.settings = central.settings;
    }

    /** Booted, authorized by the operator, priced by the operator, booted again: ACTIVE. */
    private void acceptedWallbox(String price) {
        ocpp.boot(charger, WALLBOX);
        central.operator.authorize(WALLBOX);
        central.chargingPoints.describe(WALLBOX, "Car park B", new BigDecimal(price));
        ocpp.boot(charger, WALLBOX);
    }

    @Test
    void anUnknownChargerWaitsInThePendingListUntilTheOperatorAuthorizesIt() {
        OcppStations.Boot first = ocpp.boot(charger, WALLBOX);

        assertThat(first.status()).isEqualTo(Registration.PENDING);
        assertThat(first.intervalSeconds()).isEqualTo(central.settings.defaultHeartbeatSeconds());
        assertThat(central.chargingPoints.pending()).extracting(cp -> cp.id().value()).containsExactly("wallbox_1");

        central.operator.authorize(WALLBOX);
        assertThat(charger.commands).containsExactly("admitted " + OcppStations.BOOT_REQUEST);

        central.chargingPoints.describe(WALLBOX, "Car park B", new BigDecimal("0.40"));
        assertThat(ocpp.boot(charger, WALLBOX).status()).isEqualTo(Registration.ACCEPTED);
        assertThat(central.cp("wallbox_1").state()).isEqualTo(ChargingPointState.ACTIVE);
        assertThat(central.cp("wallbox_1").location()).isEqualTo("Car park B");
        assertThat(central.cp("wallbox_1").pricePerKwh()).isEqualByComparingTo("0.40");
    }

    @Test
    void aDriversRequestRunsAsOneTransactionBilledFromTheEnergyRegister() {
        acceptedWallbox("0.40");
        ChargingSession session = central.charge("wallbox_1", "driver_7");
        assertThat(charger.commands).contains("start " + session.id() + " driver_7 0.4");

        OcppStations.Start start = ocpp.startTransaction(charger, WALLBOX, "driver_7", 12_000);
        assertThat(start.status()).isEqualTo(IdTagStatus.ACCEPTED);
        assertThat(ocpp.ofSession(session.id())).map(OcppTransaction::id).contains(start.transactionId());

        ocpp.meterValues(charger, WALLBOX, start.transactionId(),
                List.of(new OcppMeterSample("Voltage", "V", "230"), new OcppMeterSample(null, null, "13500")));
        assertThat(central.toDrivers).filteredOn(ChargingStatusUpdate.class::isInstance).singleElement()
                .satisfies(update -> {
                    ChargingStatusUpdate progress = (ChargingStatusUpdate) update;
                    assertThat(progress.energyConsumedKwh()).isEqualTo(1.5);
                    assertThat(progress.totalCost()).isEqualTo(0.6);
                });

        central.driverService.stop(session.id(), "driver_7");
        assertThat(charger.commands).contains("end " + session.id());
        ocpp.stopTransaction(charger, WALLBOX, start.transactionId(), 14_000, null, "Remote");

        assertThat(central.tickets()).singleElement().satisfies(ticket -> {
            assertThat(ticket.energyConsumedKwh()).isEqualTo(2.0);
            assertThat(ticket.totalCost()).isEqualTo(0.8);
            assertThat(ticket.ending()).contains(SessionEnding.DRIVER_STOP);
        });
        assertThat(central.cp("wallbox_1").state()).isEqualTo(ChargingPointState.ACTIVE);

        ocpp.stopTransaction(charger, WALLBOX, start.transactionId(), 14_000, null, "Remote"); // sent again
        assertThat(central.tickets()).hasSize(1);
    }

    @Test
    void aRejectedRemoteStartEndsTheSessionAtOnceWithATicket() {
        acceptedWallbox("0.40");
        ChargingSession session = central.charge("wallbox_1", "driver_7");

        ocpp.remoteStartRejected(WALLBOX, session.id());

        assertThat(central.tickets()).singleElement().satisfies(ticket -> {
            assertThat(ticket.sessionId()).isEqualTo(session.id());
            assertThat(ticket.ending()).contains(SessionEnding.START_FAILED);
        });
        assertThat(central.cp("wallbox_1").state()).isEqualTo(ChargingPointState.ACTIVE);
    }

    @Test
    void aTransactionNoDriverAskedCentralForIsRefused() {
        acceptedWallbox("0.40");

        OcppStations.Start start = ocpp.startTransaction(charger, WALLBOX, "driver_7", 0);

        assertThat(start.status()).isEqualTo(IdTagStatus.INVALID);
        assertThat(central.running.onCp(WALLBOX)).isEmpty();
    }

    @Test
    void aFaultedConnectorEndsTheChargeWithATicketAndAnAvailableOneClearsTheFault() {
        acceptedWallbox("0.40");
        ChargingSession session = central.charge("wallbox_1", "driver_7");
        int tx = ocpp.startTransaction(charger, WALLBOX, "driver_7", 0).transactionId();
        ocpp.meterValues(charger, WALLBOX, tx, List.of(new OcppMeterSample("Energy.Active.Import.Register", "kWh", "0.5")));

        ocpp.status(charger, WALLBOX, "Faulted", "GroundFailure");

        assertThat(central.cp("wallbox_1").state()).isEqualTo(ChargingPointState.FAULTY);
        assertThat(central.tickets()).singleElement().satisfies(ticket -> {
            assertThat(ticket.sessionId()).isEqualTo(session.id());
            assertThat(ticket.energyConsumedKwh()).isEqualTo(0.5);
            assertThat(ticket.ending()).contains(SessionEnding.ENGINE_FAULT);
        });

        ocpp.status(charger, WALLBOX, "Available", "NoError");
        assertThat(central.cp("wallbox_1").state()).isEqualTo(ChargingPointState.ACTIVE);
    }

    @Test
    void unavailableIsNotAnOperatorStopAndAPendingChargerIsNotListenedTo() {
        ocpp.boot(charger, WALLBOX);
        ocpp.status(charger, WALLBOX, "Faulted", "OtherError");
        assertThat(central.cp("wallbox_1").hasEngineFault()).isFalse();

        central.operator.authorize(WALLBOX);
        ocpp.boot(charger, WALLBOX);
        ocpp.status(charger, WALLBOX, "Unavailable", "NoError");
        assertThat(central.cp("wallbox_1").state()).isEqualTo(ChargingPointState.ACTIVE);
    }

    @Test
    void theOperatorsStopAndResumeReachTheChargerAsCommands() {
        acceptedWallbox("0.40");

        central.operator.stop(WALLBOX);
        central.operator.resume(WALLBOX);

        assertThat(charger.commands).endsWith("out of service", "back in service");
    }

    @Test
    void aLostConnectionDisconnectsTheCharger() {
        acceptedWallbox("0.40");

        central.reports.linkLost(charger, "WebSocket closed");

        assertThat(central.cp("wallbox_1").state()).isEqualTo(ChargingPointState.DISCONNECTED);
    }

    @Test
    void anIdTagIsADriverWhoMayNotChargeTwiceAtOnce() {
        acceptedWallbox("0.40");
        central.activeCp("cp_001");
        central.charge("cp_001", "driver_7");

        assertThat(ocpp.authorize(WALLBOX, "driver_8")).isEqualTo(IdTagStatus.ACCEPTED);
        assertThat(ocpp.authorize(WALLBOX, "driver_7")).isEqualTo(IdTagStatus.CONCURRENT_TX);
        assertThat(ocpp.authorize(WALLBOX, " ")).isEqualTo(IdTagStatus.INVALID);
        assertThat(ocpp.authorize(WALLBOX, "x".repeat(21))).isEqualTo(IdTagStatus.INVALID);
    }

    @Test
    void theRegisterCountsFromTheTransactionsStartInWhOrKwh() {
        OcppTransaction transaction = new OcppTransaction(1, "s", WALLBOX, "d", 5_000, new BigDecimal("0.25"));

        assertThat(transaction.readingAt(4_000)).isEqualTo(MeterReading.ZERO);
        assertThat(transaction.readingAt(7_345)).isEqualTo(new MeterReading(new BigDecimal("2.345"), new BigDecimal("0.59")));
        assertThat(OcppMeterSample.energyRegisterWh(List.of(new OcppMeterSample(null, "kWh", "7.5")))).hasValue(7_500);
        assertThat(OcppMeterSample.energyRegisterWh(List.of(new OcppMeterSample("Power.Active.Import", "W", "7000")))).isEmpty();
        assertThatThrownBy(() -> OcppMeterSample.energyRegisterWh(List.of(new OcppMeterSample(null, "Wh", "lots"))))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> OcppMeterSample.energyRegisterWh(List.of(new OcppMeterSample(null, "A", "3"))))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void aStopReasonBecomesTheTicketsEnding() {
        assertThat(OcppStations.ending("Remote")).isEmpty();
        assertThat(OcppStations.ending("EVDisconnected")).contains(SessionEnding.UNPLUGGED);
        assertThat(OcppStations.ending(null)).contains(SessionEnding.UNPLUGGED);
        assertThat(OcppStations.ending("Local")).contains(SessionEnding.DRIVER_STOP);
        assertThat(OcppStations.ending("PowerLoss")).contains(SessionEnding.ENGINE_FAULT);
        assertThat(OcppStations.ending("HardReset")).contains(SessionEnding.OPERATOR_STOP);
    }

    /** An OCPP charger's connection as the application sees it: it records the commands it is given. */
    static final class OcppCharger implements MonitorChannel {

        final List<String> commands = new CopyOnWriteArrayList<>();
        private final String id;
        private volatile CpId cpId;

        OcppCharger(String id) {
            this.id = id;
        }

        @Override
        public boolean startSupply(String sessionId, String driverId, BigDecimal pricePerKwh) {
            return commands.add("start " + sessionId + " " + driverId + " " + pricePerKwh.stripTrailingZeros().toPlainString());
        }

        @Override
        public boolean endSupply(String sessionId, String driverId) {
            return commands.add("end " + sessionId);
        }

        @Override
        public boolean outOfService() {
            return commands.add("out of service");
        }

        @Override
        public void admittedFor(CpId admitted) {
            // as OcppConnection: admitted at the handshake
        }

        @Override
        public boolean isAdmittedFor(CpId admitted) {
            return cpId != null && cpId.equals(admitted);
        }

        @Override
        public boolean backInService() {
            return commands.add("back in service");
        }

        @Override
        public boolean admitted(String waitingRequestId) {
            return commands.add("admitted " + waitingRequestId);
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public void close() {
            // nothing to cut
        }

        @Override
        public CpId cpId() {
            return cpId;
        }

        @Override
        public void speaksFor(CpId id) {
            cpId = id;
        }
    }
}
