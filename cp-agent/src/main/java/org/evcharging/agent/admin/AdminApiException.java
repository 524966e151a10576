package org.evcharging.agent.admin;

/** Central refused a request or could not be reached; the message is printed as is. */
final class AdminApiException extends Exception {

    AdminApiException(String message) {
        super(message);
    }
}
