package org.evcharging.driver.portal;

/** One thing that happened to a charge request, as the driver is told it. */
public record Step(long atMillis, StepKind kind, String text) {

    public enum StepKind { SENT, ACCEPTED, REFUSED, STARTED, STOP, FAULT, ENDED, WARNING }
}
