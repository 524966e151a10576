package org.evcharging.agent.monitor;

import org.evcharging.agent.config.HostPortList;
import org.evcharging.agent.config.HostPort;

/**
 * Which address a link tries next. It stays with the address that last worked, so a short break
 * reconnects to the same peer; when that one fails it moves on in the list's order, wrapping round.
 * A round is over when every address failed once in a row: only then does the link back off.
 */
final class FailoverOrder {

    private final HostPortList addresses;
    private int current;
    private int failuresInARow;

    FailoverOrder(HostPortList addresses) {
        this.addresses = addresses;
    }

    synchronized HostPort current() {
        return addresses.get(current);
    }

    /** Position of the current address, 1-based, for people. */
    synchronized int position() {
        return current + 1;
    }

    int size() {
        return addresses.size();
    }

    synchronized void connected() {
        failuresInARow = 0;
    }

    /**
     * The current address failed: move to the next one.
     *
     * @return true when every address has now failed in a row (time to back off before the next round)
     */
    synchronized boolean failed() {
        current = (current + 1) % addresses.size();
        failuresInARow++;
        if (failuresInARow >= addresses.size()) {
            failuresInARow = 0;
            return true;
        }
        return false;
    }
}
