package org.evcharging.central.application;

import java.util.concurrent.TimeUnit;

import org.evcharging.central.domain.model.chargingpoint.CpId;

/** One CP's live Monitor connection and its liveness facts. */
public final class MonitorLink {

    private final CpId cpId;
    private final MonitorChannel channel;
    private volatile int heartbeatSeconds;
    private volatile long lastSeenNanos;
    private volatile String pendingAuthMessageId;

    MonitorLink(CpId cpId, MonitorChannel channel, int heartbeatSeconds, long nowNanos) {
        this.cpId = cpId;
        this.channel = channel;
        this.heartbeatSeconds = heartbeatSeconds;
        this.lastSeenNanos = nowNanos;
    }

    public CpId cpId() {
        return cpId;
    }

    public MonitorChannel channel() {
        return channel;
    }

    public int heartbeatSeconds() {
        return heartbeatSeconds;
    }

    public void heartbeatSeconds(int seconds) {
        this.heartbeatSeconds = seconds;
    }

    public void seen(long nowNanos) {
        lastSeenNanos = nowNanos;
    }

    boolean isSilent(long nowNanos, int missed) {
        return nowNanos - lastSeenNanos > TimeUnit.SECONDS.toNanos((long) heartbeatSeconds * missed);
    }

    /** The {@code message_id} of an {@code auth_request} still waiting for the operator, echoed on approval. */
    public String pendingAuthMessageId() {
        return pendingAuthMessageId;
    }

    public void pendingAuthMessageId(String messageId) {
        this.pendingAuthMessageId = messageId;
    }
}
