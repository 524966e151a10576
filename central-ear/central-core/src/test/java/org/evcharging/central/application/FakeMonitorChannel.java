package org.evcharging.central.application;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.evcharging.api.message.WireMessage;
import org.evcharging.api.message.monitor.CourseCommands;
import org.evcharging.central.domain.model.chargingpoint.CpId;

/** A course Monitor's connection that records what Central sends it (as course messages); it can be cut like a socket. */
final class FakeMonitorChannel extends CourseCommands implements MonitorChannel {

    final List<WireMessage> sent = new CopyOnWriteArrayList<>();
    private final String id;
    private volatile boolean open = true;
    private volatile CpId cpId;
    private volatile CpId admitted;

    FakeMonitorChannel(String id) {
        this.id = id;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    protected String commandedCp() {
        return cpId.value();
    }

    @Override
    public boolean send(WireMessage message) {
        if (!open) {
            return false;
        }
        sent.add(message);
        return true;
    }

    @Override
    public void close() {
        open = false;
    }

    boolean isOpen() {
        return open;
    }

    @Override
    public CpId cpId() {
        return cpId;
    }

    @Override
    public void speaksFor(CpId id) {
        cpId = id;
    }

    /** Messages of one type sent to this Monitor. */
    <T extends WireMessage> List<T> sentOf(Class<T> type) {
        return sent.stream().filter(type::isInstance).map(type::cast).toList();
    }

    @Override
    public void admittedFor(CpId id) {
        admitted = id;
    }

    @Override
    public boolean isAdmittedFor(CpId id) {
        return id.equals(admitted);
    }
}
