package org.evcharging.central.application;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

import org.evcharging.central.domain.model.chargingpoint.CpId;

/**
 * Which connection currently speaks for which CP, and when it last showed a sign of life. Kept in
 * memory only (heartbeats never touch the database) and lock-free, so thousands of Monitors can
 * heartbeat every second. A link is replaced when its CP reconnects and removed only by the
 * connection that owns it, so a stale connection closing late cannot disconnect its successor
 * (quirk 10.15).
 */
@ApplicationScoped
public class MonitorLinks {

    private final Map<CpId, MonitorLink> links = new ConcurrentHashMap<>();

    /** Binds {@code channel} to the CP. A previous, different connection of the same CP is closed. */
    public MonitorLink bind(CpId id, MonitorChannel channel, int heartbeatSeconds, long nowNanos) {
        MonitorLink link = new MonitorLink(id, channel, heartbeatSeconds, nowNanos);
        MonitorLink previous = links.put(id, link);
        if (previous != null && previous.channel() != channel) {
            previous.channel().close();
        }
        return link;
    }

    /** Removes the CP's link only if {@code channel} still owns it; true when it did. */
    public boolean unbind(CpId id, MonitorChannel channel) {
        MonitorLink current = links.get(id);
        return current != null && current.channel() == channel && links.remove(id, current);
    }

    public Optional<MonitorLink> find(CpId id) {
        return Optional.ofNullable(links.get(id));
    }

    /** Gives the CP a command; false when no live connection speaks for it or it could not be told. */
    public boolean tell(CpId id, Predicate<ChargerCommands> command) {
        MonitorLink link = links.get(id);
        return link != null && command.test(link.channel());
    }

    /**
     * Closes the links silent for longer than {@code missed} of their own heartbeat intervals (the
     * first implementation never checked, quirk 10.18); each loss then runs the same path as a lost
     * socket. Returns the links closed.
     */
    public List<MonitorLink> closeSilent(long nowNanos, int missed) {
        List<MonitorLink> silent = links.values().stream().filter(link -> link.isSilent(nowNanos, missed)).toList();
        silent.forEach(link -> link.channel().close());
        return silent;
    }

    /** The CPs with a live connection here. */
    public List<CpId> linkedCps() {
        return List.copyOf(links.keySet());
    }

    public int size() {
        return links.size();
    }
}
