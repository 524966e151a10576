package org.evcharging.agent.config;

/** A command line or configuration value the agent cannot run with; its message is one line for the user. */
public final class UsageException extends Exception {

    public UsageException(String message) {
        super(message);
    }
}
