/**
 * Telemetry and completion of a charging session. The same {@code type} travels Engine -> Monitor,
 * Monitor -> Central, Engine -> Central over Kafka and Central -> Driver, each link filling a
 * slightly different subset of the fields; the fields not every link sends are omitted when null.
 */
package org.evcharging.api.message.session;
