/**
 * Socket framing shared by every TCP link: {@code <STX> JSON-UTF8 <ETX> <LRC>}, where the LRC is
 * the XOR of the payload bytes only (wire format §2). The decoder is stricter about recovery than
 * the first implementation: it never stalls behind a bad frame and never holds more than one
 * capped payload in memory.
 */
package org.evcharging.api.protocol;
