package org.evcharging.api.message;

/** A message about one driver; on Kafka it is keyed by this id so that driver's records stay in order. */
public interface DriverScoped {

    String driverId();
}
