package org.evcharging.central.application;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.evcharging.central.domain.model.chargingpoint.CpId;

/**
 * Commands another Central sent to a CP's owner, kept by a Central that does not hold the CP: when
 * the owner stopped or died before applying them, the Central that takes the CP next applies them (a
 * driver's request is never lost). Bounded per CP, and forgotten after {@code keepFor}.
 */
final class KeptCommands {

    static final int MAX_PER_CP = 100;

    private final Map<CpId, Queue<Kept>> byCp = new ConcurrentHashMap<>();

    void keep(CpCommand command, long nowNanos) {
        Queue<Kept> queue = byCp.computeIfAbsent(CpId.of(command.cpId()), k -> new ConcurrentLinkedQueue<>());
        if (queue.size() < MAX_PER_CP) {
            queue.add(new Kept(command, nowNanos));
        }
    }

    /** The commands kept for the CP that are not too old, in the order they came; none are kept for it after. */
    List<CpCommand> takeFor(CpId id, long nowNanos, Duration keepFor) {
        Queue<Kept> queue = byCp.remove(id);
        return queue == null ? List.of()
                : queue.stream().filter(k -> !k.isOlderThan(nowNanos, keepFor)).map(Kept::command).toList();
    }

    void forgetOlderThan(Duration keepFor, long nowNanos) {
        byCp.forEach((id, queue) -> {
            queue.removeIf(k -> k.isOlderThan(nowNanos, keepFor));
            if (queue.isEmpty()) {
                byCp.remove(id, queue);
            }
        });
    }

    private record Kept(CpCommand command, long atNanos) {

        boolean isOlderThan(long nowNanos, Duration age) {
            return nowNanos - atNanos > age.toNanos();
        }
    }
}
