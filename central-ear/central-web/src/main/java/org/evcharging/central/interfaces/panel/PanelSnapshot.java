package org.evcharging.central.interfaces.panel;

import java.util.List;

import org.evcharging.central.interfaces.rest.dto.ChargingPointView;

/** Everything the panel's tiles show, at one instant (epoch ms). */
public record PanelSnapshot(long at, List<ChargingPointView> tiles) {
}
