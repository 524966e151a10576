package org.evcharging.driver.portal;

import org.evcharging.api.message.WireMessage;

/** Sends a driver's request to Central. */
@FunctionalInterface
public interface RequestSender {

    void send(WireMessage request, String driverId);
}
