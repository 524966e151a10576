package org.evcharging.central.application;

/** Carries {@link CpCommand}s to every Central (the topic {@code cp_commands}, keyed by cp_id). */
public interface CpCommandBus {

    void send(CpCommand command);
}
