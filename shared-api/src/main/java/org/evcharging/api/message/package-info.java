/**
 * Every socket and Kafka message as a typed record, with the exact {@code type} strings and field
 * names of the first implementation (wire format §3 and §4.3), and the one codec that reads and
 * writes them. Sub-packages group the records by link: {@code monitor} (Monitor and Central),
 * {@code engine} (Monitor and Engine), {@code session} (telemetry and completion, on every link)
 * and {@code driver} (Kafka driver requests and replies).
 */
package org.evcharging.api.message;
