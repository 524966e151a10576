package org.evcharging.driver.portal;

import java.util.ArrayList;
import java.util.List;

/**
 * A list of services (CP ids) run one after another, as the course's service file asks. Not
 * thread-safe: its {@link DriverAccount} guards it.
 */
final class ServiceRun {

    enum ItemState { WAITING, RUNNING, DONE, FAILED }

    record Item(String cpId, ItemState state, String outcome) {
    }

    private final List<Item> items = new ArrayList<>();
    private int current = -1;
    private long pausedUntil;

    ServiceRun(List<String> cpIds) {
        cpIds.forEach(id -> items.add(new Item(id, ItemState.WAITING, "")));
    }

    boolean hasNext() {
        return current + 1 < items.size();
    }

    String startNext() {
        current++;
        Item item = items.get(current);
        items.set(current, new Item(item.cpId(), ItemState.RUNNING, "Requesting"));
        pausedUntil = 0;
        return item.cpId();
    }

    void progress(String outcome) {
        if (running()) {
            Item item = items.get(current);
            items.set(current, new Item(item.cpId(), ItemState.RUNNING, outcome));
        }
    }

    /** The current service ended; returns true if another one follows after the pause. */
    boolean ended(boolean succeeded, String outcome, long resumeAt) {
        if (!running()) {
            return false;
        }
        Item item = items.get(current);
        items.set(current, new Item(item.cpId(), succeeded ? ItemState.DONE : ItemState.FAILED, outcome));
        pausedUntil = hasNext() ? resumeAt : 0;
        return hasNext();
    }

    boolean running() {
        return current >= 0 && current < items.size() && items.get(current).state() == ItemState.RUNNING;
    }

    boolean finished() {
        return !hasNext() && !running();
    }

    int finishedCount() {
        return (int) items.stream().filter(i -> i.state() == ItemState.DONE || i.state() == ItemState.FAILED).count();
    }

    long pausedUntil() {
        return pausedUntil;
    }

    List<Item> items() {
        return List.copyOf(items);
    }
}
