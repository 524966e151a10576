package org.evcharging.agent.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.evcharging.api.message.session.ChargeCompletion;
import org.evcharging.api.model.SessionEnding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompletionOutboxTest {

    @TempDir
    Path dir;

    private static ChargeCompletion completion(String session) {
        return ChargeCompletion.of("cp_1", session, "d", 0.05, 0.01, SessionEnding.UNPLUGGED);
    }

    @Test
    void keepsCompletionsInOrderAcrossARestartUntilAnswered() throws IOException {
        CompletionOutbox outbox = new CompletionOutbox(dir);
        ChargeCompletion first = completion("s1");
        ChargeCompletion second = completion("s2");
        ChargeCompletion third = completion("s3");
        outbox.add(first);
        outbox.add(second);
        outbox.add(third);

        assertThat(outbox.remove(second.messageId())).isTrue();
        assertThat(outbox.remove(second.messageId())).isFalse();

        CompletionOutbox reopened = new CompletionOutbox(dir);
        assertThat(reopened.entries()).containsExactly(first, third);
        assertThat(Files.readAllLines(reopened.file())).hasSize(2).allMatch(l -> l.startsWith("{\"type\":\"charge_completion\""));
    }

    @Test
    void aResentCompletionIsKeptOnce() throws IOException {
        CompletionOutbox outbox = new CompletionOutbox(dir);
        ChargeCompletion completion = completion("s1");

        assertThat(outbox.add(completion)).isTrue();
        assertThat(outbox.add(completion)).isFalse();
        assertThat(outbox.size()).isEqualTo(1);
    }

    @Test
    void anUnreadableLineIsSkipped() throws IOException {
        CompletionOutbox outbox = new CompletionOutbox(dir);
        outbox.add(completion("s1"));
        Files.writeString(outbox.file(), "not json\n", StandardOpenOption.APPEND);

        assertThat(new CompletionOutbox(dir).entries()).extracting(ChargeCompletion::sessionId).containsExactly("s1");
    }
}
