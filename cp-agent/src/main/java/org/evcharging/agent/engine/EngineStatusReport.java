package org.evcharging.agent.engine;

import java.util.Locale;

import org.evcharging.api.model.ChargingPointState;

/** What menu option "status" shows, in the design's "Current Status" block. */
record EngineStatusReport(String cpId, ChargingPointState state, Supply supply, PlugMode plugMode,
                          String monitorAddress, boolean serviceSuspended, int completionsWaiting) {

    String render() {
        StringBuilder text = new StringBuilder("Current Status\n")
                .append("CP ID: ").append(cpId == null ? "(not initialized yet)" : cpId).append('\n')
                .append("Status: ").append(state).append(serviceSuspended ? " (service stopped by the operator)" : "")
                .append('\n')
                .append("Charging: ").append(supply != null && supply.plugged() ? "YES" : "NO").append('\n');
        if (supply != null) {
            text.append("Session: ").append(supply.sessionId()).append(" driver ").append(supply.driverId())
                    .append(supply.plugged() ? "" : " (authorized, waiting for plug-in)").append('\n')
                    .append(String.format(Locale.ROOT, "Energy: %.3f kWh  Cost: €%.2f  Ticks: %d%n",
                            supply.energyKwh(), supply.costEuros(), supply.seq()));
        }
        text.append("Monitor: ").append(monitorAddress == null ? "not connected" : monitorAddress).append('\n')
                .append("Plug mode: ").append(plugMode.name().toLowerCase(Locale.ROOT)).append('\n')
                .append("Completions waiting for delivery: ").append(completionsWaiting).append('\n');
        return text.toString();
    }
}
