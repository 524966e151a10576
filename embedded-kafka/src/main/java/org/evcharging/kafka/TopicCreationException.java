package org.evcharging.kafka;

/** The system's topics could not be created or confirmed on the cluster. */
public class TopicCreationException extends RuntimeException {

    public TopicCreationException(String message, Throwable cause) {
        super(message, cause);
    }
}
