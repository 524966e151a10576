package org.evcharging.central.interfaces.rest;

/** The JSON body of every error answer: {@code {"status": 409, "error": "Conflict", "message": "..."}}. */
public record ErrorBody(int status, String error, String message) {
}
