/**
 * The wire contract shared by every EV Charging process: framing ({@code protocol}), messages
 * ({@code message}), states ({@code model}) and Kafka topics ({@link org.evcharging.api.Topics}),
 * compatible with the first (Python) implementation described in {@code reference/wire-format.md}.
 */
package org.evcharging.api;
