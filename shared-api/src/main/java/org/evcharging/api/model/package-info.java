/**
 * The states every process agrees on, with their rules kept in the enums themselves: which
 * transitions are allowed, which state lets a charge start, how a state is shown, how a session
 * ended. Wire strings are those of the first implementation (§5).
 */
package org.evcharging.api.model;
