package org.evcharging.central.infrastructure.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.Optional;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.evcharging.central.application.CentralSettings;
import org.evcharging.central.application.accounts.SignInThrottle;
import org.evcharging.central.application.driver.DriverSignInSettings;

/** Central's settings, from MicroProfile Config (environment, system properties, microprofile-config.properties). */
@ApplicationScoped
public class CentralConfig implements CentralSettings, DriverSignInSettings {

    @Inject
    @ConfigProperty(name = "driver.portal.secret")
    Optional<String> driverPortalSecret;

    @Inject
    @ConfigProperty(name = "driver.signin.max.failures.per.account")
    int signInFailuresPerAccount;

    @Inject
    @ConfigProperty(name = "driver.signin.max.failures.per.source")
    int signInFailuresPerSource;

    @Inject
    @ConfigProperty(name = "driver.signin.window.seconds")
    long signInWindowSeconds;

    @Inject
    @ConfigProperty(name = "driver.signin.lockout.seconds")
    long signInLockoutSeconds;

    @Inject
    @ConfigProperty(name = "listen.host")
    String listenHost;

    @Inject
    @ConfigProperty(name = "listen.port")
    int listenPort;

    @Inject
    @ConfigProperty(name = "monitor.max.frame.bytes")
    int maxFrameBytes;

    @Inject
    @ConfigProperty(name = "monitor.max.queued.bytes")
    int maxQueuedBytes;

    @Inject
    @ConfigProperty(name = "cp.auto.authorize")
    boolean autoAuthorize;

    @Inject
    @ConfigProperty(name = "cp.pending.max")
    int maxPendingCps;

    @Inject
    @ConfigProperty(name = "cp.newcomers.per.minute")
    int newcomersPerMinutePerSource;

    @Inject
    @ConfigProperty(name = "cp.signing.rules.ttl.seconds")
    int signingRulesTtlSeconds;

    @Inject
    @ConfigProperty(name = "cp.credential.hash.iterations")
    int credentialHashIterations;

    @Inject
    @ConfigProperty(name = "monitor.default.heartbeat.seconds")
    int defaultHeartbeatSeconds;

    @Inject
    @ConfigProperty(name = "monitor.missed.heartbeats")
    int missedHeartbeats;

    @Inject
    @ConfigProperty(name = "monitor.supervision.period.ms")
    long supervisionPeriodMs;

    @Inject
    @ConfigProperty(name = "session.start.timeout.seconds")
    long sessionStartTimeoutSeconds;

    @Inject
    @ConfigProperty(name = "session.end.grace.seconds")
    long sessionEndGraceSeconds;

    @Inject
    @ConfigProperty(name = "session.monitor.lost.grace.seconds")
    long monitorLostGraceSeconds;

    @Inject
    @ConfigProperty(name = "session.restart.grace.seconds")
    long sessionRestartGraceSeconds;

    @Inject
    @ConfigProperty(name = "session.monitor.return.seconds")
    long monitorReturnSeconds;

    @Inject
    @ConfigProperty(name = "session.request.max.age.seconds")
    long requestMaxAgeSeconds;

    @Inject
    @ConfigProperty(name = "telemetry.flush.ms")
    long telemetryFlushMs;

    @Inject
    @ConfigProperty(name = "telemetry.batch.records")
    int telemetryBatchRecords;

    @Inject
    @ConfigProperty(name = "driver.requests.batch.records")
    int driverRequestsBatchRecords;

    @Inject
    @ConfigProperty(name = "broker.address")
    String brokerAddress;

    @Inject
    @ConfigProperty(name = "kafka.probe.timeout.ms")
    long kafkaProbeTimeoutMs;

    @Inject
    @ConfigProperty(name = "panel.feed.size")
    int panelFeedSize;

    public String listenHost() {
        return listenHost;
    }

    public int listenPort() {
        return listenPort;
    }

    public int maxFrameBytes() {
        return maxFrameBytes;
    }

    public int maxQueuedBytes() {
        return maxQueuedBytes;
    }

    /** New CPs are authorized without an operator (labs, demos); off by default. */
    @Override
    public boolean autoAuthorize() {
        return autoAuthorize;
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
        return Duration.ofSeconds(signingRulesTtlSeconds);
    }

    /** PBKDF2 rounds for CP credentials: the cost an attacker pays per guess of a stolen hash. */
    public int credentialHashIterations() {
        return credentialHashIterations;
    }

    /** Assumed for Monitors that do not announce their interval: the first implementation's 30 s. */
    @Override
    public int defaultHeartbeatSeconds() {
        return defaultHeartbeatSeconds;
    }

    /** A CP whose Monitor stays silent this many of its own intervals is DISCONNECTED. */
    @Override
    public int missedHeartbeats() {
        return missedHeartbeats;
    }

    /** How often silent Monitors are looked for. */
    public Duration supervisionPeriod() {
        return Duration.ofMillis(supervisionPeriodMs);
    }

    /** An accepted charge whose CP shows no supply within this time is closed as not started. */
    @Override
    public Duration sessionStartTimeout() {
        return Duration.ofSeconds(sessionStartTimeoutSeconds);
    }

    /** After asking a CP to end a supply, how long to wait for its final figures. */
    @Override
    public Duration sessionEndGrace() {
        return Duration.ofSeconds(sessionEndGraceSeconds);
    }

    @Override
    public Duration monitorLostGrace() {
        return Duration.ofSeconds(monitorLostGraceSeconds);
    }

    /** After a Central restart, how long sessions left running wait for their CPs' results. */
    @Override
    public Duration sessionRestartGrace() {
        return Duration.ofSeconds(sessionRestartGraceSeconds);
    }

    @Override
    public Duration monitorReturnWindow() {
        return Duration.ofSeconds(monitorReturnSeconds);
    }

    /** Charge requests older than this (e.g. queued in Kafka while Central was down) are refused. */
    @Override
    public Duration requestMaxAge() {
        return Duration.ofSeconds(requestMaxAgeSeconds);
    }

    /** How often meter readings are written (one transaction for all sessions). */
    public Duration telemetryFlushPeriod() {
        return Duration.ofMillis(telemetryFlushMs);
    }

    /** The most telemetry records read from Kafka at once. */
    public int telemetryBatchRecords() {
        return telemetryBatchRecords;
    }

    /** The most charge requests read from Kafka at once. */
    public int driverRequestsBatchRecords() {
        return driverRequestsBatchRecords;
    }

    public String brokerAddress() {
        return brokerAddress;
    }

    @Override
    public int panelFeedSize() {
        return panelFeedSize;
    }

    public Duration kafkaProbeTimeout() {
        return Duration.ofMillis(kafkaProbeTimeoutMs);
    }

    /** The service credential the driver portal presents to verify drivers; none means driver accounts are off. */
    public Optional<String> driverPortalSecret() {
        return driverPortalSecret.filter(secret -> !secret.isBlank());
    }

    @Override
    public SignInThrottle.Limits signInLimits() {
        return new SignInThrottle.Limits(signInFailuresPerAccount, signInFailuresPerSource,
                Duration.ofSeconds(signInWindowSeconds), Duration.ofSeconds(signInLockoutSeconds));
    }

    @Inject
    @ConfigProperty(name = "cluster.enabled")
    boolean clustered;

    @Inject
    @ConfigProperty(name = "central.name")
    Optional<String> centralName;

    @Inject
    @ConfigProperty(name = "cluster.lease.seconds")
    long leaseSeconds;

    @Inject
    @ConfigProperty(name = "cluster.tick.ms")
    long clusterTickMs;

    @Inject
    @ConfigProperty(name = "cluster.commands.keep.seconds")
    long commandsKeepSeconds;

    @Override
    public boolean clustered() {
        return clustered;
    }

    /** CENTRAL_NAME, else this host and the Monitors' port: what tells two Centrals apart in logs and the API. */
    @Override
    public String centralName() {
        return centralName.filter(name -> !name.isBlank()).orElseGet(() -> {
            try {
                return java.net.InetAddress.getLocalHost().getHostName() + ":" + listenPort;
            } catch (java.net.UnknownHostException e) {
                return "central:" + listenPort;
            }
        });
    }

    @Inject
    @ConfigProperty(name = "cluster.commands.topic")
    String commandsTopic;

    public String commandsTopic() {
        return commandsTopic;
    }

    @Override
    public Duration leaseTerm() {
        return Duration.ofSeconds(leaseSeconds);
    }

    @Override
    public Duration commandsKept() {
        return Duration.ofSeconds(commandsKeepSeconds);
    }

    /** How often a clustered Central renews, takes and reaps leases: well inside the lease term. */
    public Duration clusterTick() {
        return Duration.ofMillis(clusterTickMs);
    }
}
