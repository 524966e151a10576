package org.evcharging.agent.monitor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

import org.evcharging.agent.storage.AtomicFile;
import org.evcharging.api.message.MessageCodec;
import org.evcharging.api.message.session.ChargeCompletion;

/**
 * Completions on their way to Central, kept on disk ({@code monitor-outbox.jsonl}: one wire
 * message per line, oldest first) until Central answers them. The first implementation held them
 * in memory and dropped them even when sending failed (10.45). Confined to the Monitor's loop.
 */
final class CompletionOutbox {

    private static final Logger LOG = Logger.getLogger(CompletionOutbox.class.getName());
    static final String FILE_NAME = "monitor-outbox.jsonl";

    private final Path file;
    private final List<ChargeCompletion> entries = new ArrayList<>();

    CompletionOutbox(Path dataDir) throws IOException {
        Files.createDirectories(dataDir);
        this.file = dataDir.resolve(FILE_NAME);
        if (Files.exists(file)) {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    MessageCodec.parse(line).messageAs(ChargeCompletion.class).ifPresentOrElse(entries::add,
                            () -> LOG.warning(() -> "Skipping an unreadable line of " + file + ": " + line));
                }
            }
        }
    }

    Path file() {
        return file;
    }

    /** Adds {@code completion} unless one with its message_id is already waiting (an Engine resends after a restart). */
    boolean add(ChargeCompletion completion) {
        if (entries.stream().anyMatch(e -> e.messageId().equals(completion.messageId()))) {
            return false;
        }
        entries.add(completion);
        save();
        return true;
    }

    /** Forgets the completion Central answered; false if it was not waiting. */
    boolean remove(String messageId) {
        boolean removed = entries.removeIf(e -> e.messageId().equals(messageId));
        if (removed) {
            save();
        }
        return removed;
    }

    List<ChargeCompletion> entries() {
        return List.copyOf(entries);
    }

    int size() {
        return entries.size();
    }

    private void save() {
        StringBuilder lines = new StringBuilder();
        entries.forEach(e -> lines.append(MessageCodec.toJson(e)).append('\n'));
        try {
            AtomicFile.write(file, lines.toString().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            LOG.severe(() -> "Cannot save the outbox " + file + ": " + e.getMessage() + "; it is kept in memory");
        }
    }
}
