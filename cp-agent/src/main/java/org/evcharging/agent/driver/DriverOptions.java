package org.evcharging.agent.driver;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How a driver terminal runs.
 *
 * @param bootstrapServers Kafka bootstrap address list, e.g. {@code localhost:9092}
 * @param servicesFile CP ids to request unattended, one per line; null for the interactive menu
 * @param pause wait between the end (ticket or refusal) of one service and the next request
 * @param answerTimeout how long Central may take to answer before we say it cannot be reached
 */
public record DriverOptions(String bootstrapServers, String driverId, Path servicesFile, Duration pause,
                            Duration answerTimeout, boolean interactive) {

    public static final Duration DEFAULT_PAUSE = Duration.ofSeconds(4);
    public static final Duration DEFAULT_ANSWER_TIMEOUT = Duration.ofSeconds(10);

    public DriverOptions {
        Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        Objects.requireNonNull(driverId, "driverId");
        Objects.requireNonNull(pause, "pause");
        Objects.requireNonNull(answerTimeout, "answerTimeout");
    }
}
