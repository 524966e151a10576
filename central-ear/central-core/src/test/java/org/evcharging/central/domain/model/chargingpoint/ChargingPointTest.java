package org.evcharging.central.domain.model.chargingpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;

import org.evcharging.api.model.ChargingPointState;
import org.evcharging.central.domain.shared.ConflictException;
import org.evcharging.central.domain.shared.InvalidInputException;
import org.junit.jupiter.api.Test;

/** A CP's state follows from its facts (link, operator stop, engine fault, supply), in that order of precedence. */
class ChargingPointTest {

    private static final CpId ID = CpId.of("cp_001");
    private static final BigDecimal PRICE = new BigDecimal("0.30");
    private long now = 1_000_000L;

    private ChargingPoint registered() {
        ChargingPoint cp = ChargingPoint.firstSeen(ID, true, now);
        cp.register("Street 1", PRICE, ++now);
        return cp;
    }

    @Test
    void aNewcomerWaitsForTheOperatorDisconnectedWithUnknownDetails() {
        ChargingPoint cp = ChargingPoint.firstSeen(ID, false, now);

        assertThat(cp.registration()).isEqualTo(Registration.PENDING);
        assertThat(cp.isAuthorized()).isFalse();
        assertThat(cp.state()).isEqualTo(ChargingPointState.DISCONNECTED);
        assertThat(cp.isConnected()).isFalse();
        assertThat(cp.location()).isEqualTo(ChargingPoint.UNKNOWN_LOCATION);
        assertThat(cp.pricePerKwh()).isEqualByComparingTo("0");
        assertThat(cp.lastSeenMillis()).isEqualTo(now);
        assertThat(cp.acceptsCharge()).isFalse();
    }

    @Test
    void aNewcomerIsAuthorizedAtOnceWhenTheNetworkAuthorizesNewcomers() {
        assertThat(ChargingPoint.firstSeen(ID, true, now).registration()).isEqualTo(Registration.AUTHORIZED);
    }

    @Test
    void aPendingCpCannotRegisterAndStaysDisconnected() {
        ChargingPoint cp = ChargingPoint.firstSeen(ID, false, now);

        assertThatThrownBy(() -> cp.register("Street 1", PRICE, now))
                .isInstanceOf(ConflictException.class).hasMessageContaining("not yet authorized");
        assertThat(cp.state()).isEqualTo(ChargingPointState.DISCONNECTED);
        assertThat(cp.location()).isEqualTo(ChargingPoint.UNKNOWN_LOCATION);
    }

    @Test
    void authorizingTwiceIsRefused() {
        ChargingPoint cp = ChargingPoint.firstSeen(ID, false, now);
        cp.authorize();

        assertThat(cp.isAuthorized()).isTrue();
        assertThatThrownBy(cp::authorize).isInstanceOf(ConflictException.class).hasMessageContaining("already authorized");
    }

    @Test
    void registeringMakesItActiveAndSaysOnlyTheFirstTime() {
        ChargingPoint cp = ChargingPoint.firstSeen(ID, true, now);

        assertThat(cp.register("Street 1", PRICE, now + 5)).isTrue();
        assertThat(cp.state()).isEqualTo(ChargingPointState.ACTIVE);
        assertThat(cp.acceptsCharge()).isTrue();
        assertThat(cp.lastSeenMillis()).isEqualTo(now + 5);
        assertThat(cp.register("Street 2", new BigDecimal("0.40"), now + 10)).isFalse();
        assertThat(cp.location()).isEqualTo("Street 2");
        assertThat(cp.pricePerKwh()).as("price belongs to the operator once set").isEqualByComparingTo(PRICE);
    }

    @Test
    void aCpTheOperatorRegisteredKeepsItsLocationAndPriceWhateverItsMonitorSays() {
        ChargingPoint cp = ChargingPoint.registeredByOperator(ID, "Bay 7", new BigDecimal("0.25"), now);

        assertThat(cp.isAuthorized()).isTrue();
        assertThat(cp.register("Unknown", new BigDecimal("9.99"), now + 5)).isTrue();

        assertThat(cp.location()).isEqualTo("Bay 7");
        assertThat(cp.pricePerKwh()).isEqualByComparingTo("0.25");
        assertThat(cp.state()).isEqualTo(ChargingPointState.ACTIVE);
        cp.operatorSets("Bay 8", new BigDecimal("0.31"));
        assertThat(cp.pricePerKwh()).isEqualByComparingTo("0.31");
        assertThatThrownBy(() -> cp.operatorSets("Bay 8", new BigDecimal("-1"))).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> cp.operatorSets(" ", PRICE)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void aNewcomerTheNetworkAuthorizesByItselfIsLegacyButOneWaitingForTheOperatorIsNot() {
        assertThat(ChargingPoint.firstSeen(ID, true, now).isLegacy()).isTrue();
        assertThat(ChargingPoint.firstSeen(ID, false, now).isLegacy()).isFalse();
    }

    @Test
    void aCredentialAuthorizesAndCanBeRevokedOnce() {
        ChargingPoint cp = ChargingPoint.firstSeen(ID, false, now);

        cp.credentialIssued("hash-1");
        assertThat(cp.isAuthorized()).isTrue();
        assertThat(cp.hasCredential()).isTrue();
        cp.credentialRevoked();
        assertThat(cp.hasCredential()).isFalse();
        assertThatThrownBy(cp::credentialRevoked).isInstanceOf(ConflictException.class).hasMessageContaining("no credential");
    }

    @Test
    void aBlankOrMissingLocationKeepsTheKnownOne() {
        ChargingPoint cp = registered();

        cp.register("  ", PRICE, now);
        assertThat(cp.location()).isEqualTo("Street 1");
        cp.register(null, PRICE, now);
        assertThat(cp.location()).isEqualTo("Street 1");
    }

    @Test
    void aMissingOrNegativePriceIsRefused() {
        ChargingPoint cp = ChargingPoint.firstSeen(ID, true, now);

        assertThatThrownBy(() -> cp.register("Street 1", new BigDecimal("-0.01"), now))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("price_per_kwh");
        assertThatThrownBy(() -> cp.register("Street 1", null, now)).isInstanceOf(InvalidInputException.class);
        assertThat(cp.state()).isEqualTo(ChargingPointState.DISCONNECTED);
        assertThat(cp.register("Free", BigDecimal.ZERO, now)).isTrue();
    }

    @Test
    void aLostLinkShowsDisconnectedWhateverElseIsTrue() {
        ChargingPoint cp = registered();
        cp.supplyStarted();
        cp.stopByOperator();

        cp.linkLost(now + 100);

        assertThat(cp.state()).isEqualTo(ChargingPointState.DISCONNECTED);
        assertThat(cp.lastSeenMillis()).isEqualTo(now + 100);
        assertThat(cp.acceptsCharge()).isFalse();
    }

    @Test
    void anOperatorStopOutranksAFaultWhichOutranksASupply() {
        ChargingPoint cp = registered();
        cp.supplyStarted();
        assertThat(cp.state()).isEqualTo(ChargingPointState.CHARGING);

        cp.stopByOperator();
        assertThat(cp.state()).isEqualTo(ChargingPointState.STOPPED);
        cp.engineFailed();
        assertThat(cp.state()).isEqualTo(ChargingPointState.STOPPED);
        assertThat(cp.hasEngineFault()).isTrue();

        cp.resumeByOperator();
        assertThat(cp.state()).isEqualTo(ChargingPointState.FAULTY);
        cp.supplyEnded();
        assertThat(cp.state()).isEqualTo(ChargingPointState.FAULTY);
        cp.engineRecovered();
        assertThat(cp.state()).isEqualTo(ChargingPointState.ACTIVE);
    }

    @Test
    void resumingACpWhoseSupplyIsStillEndingShowsCharging() {
        ChargingPoint cp = registered();
        cp.supplyStarted();
        cp.stopByOperator();

        cp.resumeByOperator();

        assertThat(cp.state()).isEqualTo(ChargingPointState.CHARGING);
        cp.supplyEnded();
        assertThat(cp.state()).isEqualTo(ChargingPointState.ACTIVE);
    }

    @Test
    void resumingACpWithAnEngineFaultShowsFaulty() {
        ChargingPoint cp = registered();
        cp.engineFailed();
        cp.stopByOperator();
        assertThat(cp.state()).isEqualTo(ChargingPointState.STOPPED);

        cp.resumeByOperator();

        assertThat(cp.state()).isEqualTo(ChargingPointState.FAULTY);
        assertThat(cp.acceptsCharge()).isFalse();
    }

    @Test
    void stoppingTwiceOrResumingARunningCpIsRefused() {
        ChargingPoint cp = registered();

        assertThatThrownBy(cp::resumeByOperator).isInstanceOf(ConflictException.class)
                .hasMessageContaining("current status is ACTIVE, cannot resume");
        cp.stopByOperator();
        assertThat(cp.isOperatorStopped()).isTrue();
        assertThatThrownBy(cp::stopByOperator).isInstanceOf(ConflictException.class).hasMessageContaining("already stopped");
        assertThat(cp.state()).isEqualTo(ChargingPointState.STOPPED);
    }

    @Test
    void aCpStoppedWhileItsMonitorWasAwayComesBackStopped() {
        ChargingPoint cp = registered();
        cp.linkLost(now);

        cp.stopByOperator();
        assertThat(cp.state()).isEqualTo(ChargingPointState.DISCONNECTED);
        cp.register("Street 1", PRICE, now);

        assertThat(cp.state()).isEqualTo(ChargingPointState.STOPPED);
        assertThat(cp.acceptsCharge()).isFalse();
    }

    @Test
    void aFaultOrRecoveryWhileDisconnectedStaysDisconnectedUntilTheMonitorReturns() {
        ChargingPoint cp = registered();
        cp.linkLost(now);

        cp.engineFailed();
        assertThat(cp.state()).isEqualTo(ChargingPointState.DISCONNECTED);
        cp.register("Street 1", PRICE, now);
        assertThat(cp.state()).isEqualTo(ChargingPointState.FAULTY);

        cp.linkLost(now);
        cp.engineRecovered();
        assertThat(cp.state()).isEqualTo(ChargingPointState.DISCONNECTED);
        cp.register("Street 1", PRICE, now);
        assertThat(cp.state()).isEqualTo(ChargingPointState.ACTIVE);
    }

    @Test
    void aCpBookedForASessionStaysChargingAcrossALostLinkAndReRegistration() {
        ChargingPoint cp = registered();
        cp.supplyStarted();

        cp.linkLost(now);
        assertThat(cp.state()).isEqualTo(ChargingPointState.DISCONNECTED);
        cp.register("Street 1", PRICE, now);

        assertThat(cp.state()).isEqualTo(ChargingPointState.CHARGING);
        assertThat(cp.acceptsCharge()).isFalse();
    }

    @Test
    void atStartEveryCpIsDisconnectedAndOneWithASessionOpenComesBackCharging() {
        ChargingPoint booked = registered();
        booked.markDisconnectedAtStart(true);
        assertThat(booked.state()).isEqualTo(ChargingPointState.DISCONNECTED);
        booked.register("Street 1", PRICE, now);
        assertThat(booked.state()).isEqualTo(ChargingPointState.CHARGING);

        ChargingPoint free = registered();
        free.supplyStarted(); // the session ended while Central was down
        free.markDisconnectedAtStart(false);
        assertThat(free.state()).isEqualTo(ChargingPointState.DISCONNECTED);
        free.register("Street 1", PRICE, now);
        assertThat(free.state()).isEqualTo(ChargingPointState.ACTIVE);
    }

    @Test
    void aSupplyStartsOnlyOnAnAuthorizedActiveCp() {
        ChargingPoint pending = ChargingPoint.firstSeen(ID, false, now);
        assertThatThrownBy(pending::supplyStarted).isInstanceOf(ConflictException.class).hasMessageContaining("not authorized");

        ChargingPoint away = ChargingPoint.firstSeen(ID, true, now);
        assertThatThrownBy(away::supplyStarted).isInstanceOf(ConflictException.class)
                .hasMessageContaining("current status is DISCONNECTED, cannot charge");

        ChargingPoint cp = registered();
        cp.supplyStarted();
        assertThatThrownBy(cp::supplyStarted).isInstanceOf(ConflictException.class)
                .hasMessageContaining("current status is CHARGING");

        ChargingPoint faulty = registered();
        faulty.engineFailed();
        assertThat(faulty.acceptsCharge()).isFalse();
        assertThatThrownBy(faulty::supplyStarted).isInstanceOf(ConflictException.class).hasMessageContaining("FAULTY");
    }

    @Test
    void aCpIsIdentifiedByItsIdAlone() {
        ChargingPoint one = registered();
        ChargingPoint same = ChargingPoint.firstSeen(ID, false, now);
        ChargingPoint other = ChargingPoint.firstSeen(CpId.of("cp_002"), false, now);

        assertThat(one).isEqualTo(same).hasSameHashCodeAs(same).isNotEqualTo(other).isNotEqualTo("cp_001");
        assertThat(one.id()).isEqualTo(ID);
        assertThat(one.toString()).contains("cp_001", "AUTHORIZED", "ACTIVE");
    }
}
