/**
 * Messages between a Monitor and Central (wire format §3.1, §3.2). CP-level messages from the
 * Monitor carry the CP id as {@code id}; everything from Central carries it as {@code cp_id} (10.6).
 */
package org.evcharging.api.message.monitor;
