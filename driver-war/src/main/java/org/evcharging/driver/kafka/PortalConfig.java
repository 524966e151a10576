package org.evcharging.driver.kafka;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.Optional;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The portal's settings, from MicroProfile Config (defaults in microprofile-config.properties). */
@ApplicationScoped
public class PortalConfig {

    @Inject
    @ConfigProperty(name = "broker.address")
    String brokerAddress;

    @Inject
    @ConfigProperty(name = "central.url")
    String centralUrl;

    @Inject
    @ConfigProperty(name = "driver.portal.secret")
    Optional<String> portalSecret;

    @Inject
    @ConfigProperty(name = "portal.central.answer-timeout-ms")
    long answerTimeoutMs;

    @Inject
    @ConfigProperty(name = "portal.central.probe-interval-ms")
    long probeIntervalMs;

    @Inject
    @ConfigProperty(name = "portal.services.pause-ms")
    long servicePauseMs;

    @Inject
    @ConfigProperty(name = "portal.push.interval-ms")
    long pushIntervalMs;

    public String brokerAddress() {
        return brokerAddress;
    }

    public Duration answerTimeout() {
        return Duration.ofMillis(answerTimeoutMs);
    }

    public Duration probeInterval() {
        return Duration.ofMillis(probeIntervalMs);
    }

    public Duration servicePause() {
        return Duration.ofMillis(servicePauseMs);
    }

    public Duration pushInterval() {
        return Duration.ofMillis(pushIntervalMs);
    }

    /** Where Central's HTTP(S) API is: driver accounts are checked there. */
    public String centralUrl() {
        return centralUrl;
    }

    /** The portal's service credential towards Central's driver accounts, the same value on both. */
    public Optional<String> portalSecret() {
        return portalSecret.filter(secret -> !secret.isBlank());
    }
}
