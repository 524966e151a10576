package org.evcharging.central.application;

import org.evcharging.api.message.WireMessage;
import org.evcharging.api.message.DriverScoped;

/** Tells a driver something (on Kafka {@code driver_responses}, keyed by the driver id so their messages stay in order). */
public interface DriverNotifier {

    <T extends WireMessage & DriverScoped> void notify(T message);
}
