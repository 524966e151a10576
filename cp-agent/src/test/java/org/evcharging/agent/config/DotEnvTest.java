package org.evcharging.agent.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DotEnvTest {

    @Test
    void readsTheDesignsTemplateIncludingItsTrailingSpace() {
        assertThat(DotEnv.parse(List.of(
                "# IP y puerto de Engine",
                "DEBUG_MODE=false",
                "IP_PORT_EV_CP_E=localhost:5003",
                "ENGINE_LISTEN_PORT=5003 ",
                "",
                "export BROKER_ADDRESS = \"kafka:9092\"",
                "CP_LOCATION='Calle Mayor 1'",
                "MAX_CHARGING_DURATION=30 # seconds",
                "not a setting")))
                .containsEntry("DEBUG_MODE", "false")
                .containsEntry("IP_PORT_EV_CP_E", "localhost:5003")
                .containsEntry("ENGINE_LISTEN_PORT", "5003")
                .containsEntry("BROKER_ADDRESS", "kafka:9092")
                .containsEntry("CP_LOCATION", "Calle Mayor 1")
                .containsEntry("MAX_CHARGING_DURATION", "30")
                .hasSize(6);
    }

    @Test
    void aMissingFileIsNoConfiguration(@TempDir Path dir) throws IOException {
        assertThat(DotEnv.read(dir.resolve(".env"))).isEmpty();
        Files.writeString(dir.resolve(".env"), "BROKER_ADDRESS=localhost:9092\n");
        assertThat(DotEnv.read(dir.resolve(".env"))).containsEntry("BROKER_ADDRESS", "localhost:9092");
    }
}
