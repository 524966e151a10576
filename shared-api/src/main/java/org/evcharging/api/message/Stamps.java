package org.evcharging.api.message;

import java.time.Instant;
import java.util.UUID;

/** The identifiers and times every sender stamps on a new message. */
public final class Stamps {

    private Stamps() {
    }

    /** A fresh {@code message_id}: a lowercase hyphenated uuid4, like Python's {@code str(uuid.uuid4())}. */
    public static String newMessageId() {
        return UUID.randomUUID().toString();
    }

    /** A {@code timestamp}: integer epoch seconds, like Python's {@code int(time.time())}. */
    public static long now() {
        return Instant.now().getEpochSecond();
    }
}
