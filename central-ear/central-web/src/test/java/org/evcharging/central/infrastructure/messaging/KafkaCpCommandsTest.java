package org.evcharging.central.infrastructure.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import org.evcharging.central.application.CpCommand;
import org.junit.jupiter.api.Test;

class KafkaCpCommandsTest {

    @Test
    void aCommandReadsBackAsItWasWritten() {
        CpCommand charge = new CpCommand(CpCommand.Kind.CHARGE, "cp_1", "a/1234", "b/5678", "{\"type\":\"charge_request\"}");
        CpCommand stop = new CpCommand(CpCommand.Kind.OPERATOR_STOP, "cp_2", "a/1234", "b/5678", null);

        assertThat(KafkaCpCommands.fromJson(KafkaCpCommands.toJson(charge))).contains(charge);
        assertThat(KafkaCpCommands.fromJson(KafkaCpCommands.toJson(stop))).contains(stop);
        assertThat(KafkaCpCommands.toJson(stop)).contains("\"command\":\"operator_stop\"", "\"cp_id\":\"cp_2\"");
    }

    @Test
    void anythingElseIsNotACommand() {
        assertThat(KafkaCpCommands.fromJson("not json")).isEmpty();
        assertThat(KafkaCpCommands.fromJson("{\"type\":\"charge_request\",\"cp_id\":\"cp_1\"}")).isEmpty();
        assertThat(KafkaCpCommands.fromJson("{\"type\":\"cp_command\",\"command\":\"explode\",\"cp_id\":\"cp_1\"}")).isEmpty();
        assertThat(KafkaCpCommands.fromJson("{\"type\":\"cp_command\",\"command\":\"admit\"}")).isEmpty();
        assertThat(KafkaCpCommands.fromJson("[]")).isEmpty();
        assertThat(KafkaCpCommands.fromJson("")).isEmpty();
    }
}
