/**
 * Messages between a Monitor and its Engine (wire format §3.3, §3.4). The Monitor also sends the
 * Engine {@code start_charging_command} and {@code resume_cp_command}, whose records live in
 * {@code message.monitor} because the shapes are Central's.
 */
package org.evcharging.api.message.engine;
