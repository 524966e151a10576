package org.evcharging.agent.engine;

import java.util.List;

/**
 * What the Engine keeps on disk: the supply in progress (if any, as of its last tick) and the
 * final reports not yet delivered.
 */
public record EngineState(Supply supply, List<PendingCompletion> pending) {

    public EngineState {
        pending = pending == null ? List.of() : List.copyOf(pending);
    }

    public static EngineState empty() {
        return new EngineState(null, List.of());
    }
}
