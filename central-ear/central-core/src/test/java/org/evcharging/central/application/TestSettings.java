package org.evcharging.central.application;

import java.time.Duration;

/** Central's settings with the product's defaults, changeable per test. */
final class TestSettings implements CentralSettings {

    boolean autoAuthorize;
    int defaultHeartbeatSeconds = 30;
    int missedHeartbeats = 3;
    Duration sessionStartTimeout = Duration.ofSeconds(60);
    Duration sessionEndGrace = Duration.ofSeconds(10);
    Duration monitorLostGrace = Duration.ofSeconds(300);
    Duration sessionRestartGrace = Duration.ofSeconds(180);
    Duration monitorReturnWindow = Duration.ofSeconds(10);
    Duration requestMaxAge = Duration.ofSeconds(300);
    int panelFeedSize = 50;
    int maxPendingCps = 100;
    int newcomersPerMinutePerSource = 20;
    Duration signingRulesTtl = Duration.ofSeconds(5);
    boolean clustered;
    String centralName = "central";
    Duration leaseTerm = Duration.ofSeconds(3);
    Duration commandsKept = Duration.ofSeconds(60);

    @Override
    public boolean clustered() {
        return clustered;
    }

    @Override
    public String centralName() {
        return centralName;
    }

    @Override
    public Duration leaseTerm() {
        return leaseTerm;
    }

    @Override
    public Duration commandsKept() {
        return commandsKept;
    }

    @Override
    public boolean autoAuthorize() {
        return autoAuthorize;
    }

    @Override
    public int defaultHeartbeatSeconds() {
        return defaultHeartbeatSeconds;
    }

    @Override
    public int missedHeartbeats() {
        return missedHeartbeats;
    }

    @Override
    public Duration sessionStartTimeout() {
        return sessionStartTimeout;
    }

    @Override
    public Duration sessionEndGrace() {
        return sessionEndGrace;
    }

    @Override
    public Duration monitorLostGrace() {
        return monitorLostGrace;
    }

    @Override
    public Duration sessionRestartGrace() {
        return sessionRestartGrace;
    }

    @Override
    public Duration monitorReturnWindow() {
        return monitorReturnWindow;
    }

    @Override
    public Duration requestMaxAge() {
        return requestMaxAge;
    }

    @Override
    public int panelFeedSize() {
        return panelFeedSize;
    }

    @Override
    public int maxPendingCps() {
        return maxPendingCps;
    }

    @Override
    public int newcomersPerMinutePerSource() {
        return newcomersPerMinutePerSource;
    }

    @Override
    public Duration signingRulesTtl() {
        return signingRulesTtl;
    }
}
