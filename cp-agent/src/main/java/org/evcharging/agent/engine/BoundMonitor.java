package org.evcharging.agent.engine;

import org.evcharging.api.message.WireMessage;

/** The Monitor connection that initialized the Engine with its CP id: the one that gets telemetry and reports. */
record BoundMonitor(MonitorChannel channel, String cpId) {

    boolean send(WireMessage message) {
        return channel.send(message);
    }

    /** Reports of a CP go only to that CP's Monitor. */
    boolean serves(String reportCpId) {
        return channel.isOpen() && cpId.equals(reportCpId);
    }

    boolean isOn(MonitorChannel other) {
        return channel == other;
    }
}
