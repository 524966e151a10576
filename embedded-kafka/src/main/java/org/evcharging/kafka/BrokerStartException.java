package org.evcharging.kafka;

/** The broker could not be started; the message says why in one line, fit for an operator. */
public class BrokerStartException extends RuntimeException {

    public BrokerStartException(String message) {
        super(message);
    }

    public BrokerStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
