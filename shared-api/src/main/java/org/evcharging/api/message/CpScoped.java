package org.evcharging.api.message;

/** A message about one charging point; on the session topics it is keyed by this id. */
public interface CpScoped {

    String cpId();
}
