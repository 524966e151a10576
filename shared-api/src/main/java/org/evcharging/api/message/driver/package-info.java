/**
 * Kafka messages between drivers and Central (wire format §4.3): the four driver requests and the
 * replies and notices on {@code driver_responses}, each of which carries the {@code driver_id} it
 * is for. Generic replies ({@code charge_request_response}, {@code stop_charging_response}) are
 * {@link org.evcharging.api.message.Response}s.
 */
package org.evcharging.api.message.driver;
