package org.evcharging.kafka;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;

/**
 * Copies a broker child's output to its log file, line by line, and notices the ready line.
 * Keeps the last lines so that a failed start can say why.
 */
final class ChildOutputWatcher implements Runnable {

    private static final int REMEMBERED_LINES = 20;

    private final InputStream output;
    private final Writer log;
    private final CompletableFuture<String> readyAddress = new CompletableFuture<>();
    private final Deque<String> lastLines = new ArrayDeque<>();

    ChildOutputWatcher(InputStream output, Writer log) {
        this.output = output;
        this.log = log;
    }

    /** Opens the log for appending, with a first line that tells this run from the previous ones. */
    static Writer openLog(Path file, String header) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Writer log = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
        log.write(header + System.lineSeparator());
        log.flush();
        return log;
    }

    static void closeQuietly(Writer log) {
        try {
            log.close();
        } catch (IOException ignored) {
            // Nothing left to save.
        }
    }

    /** Completes with the advertised address, or exceptionally when the output ends first. */
    CompletableFuture<String> readyAddress() {
        return readyAddress;
    }

    /** The most telling recent line: the last error if there is one, else the last line. */
    synchronized String lastWords() {
        return lastLines.stream()
                .filter(line -> line.startsWith("Error:"))
                .reduce((first, second) -> second)
                .orElse(lastLines.isEmpty() ? "(no output)" : lastLines.peekLast());
    }

    @Override
    public void run() {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(output, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                remember(line);
                writeToLog(line);
                if (line.startsWith(KafkaBrokerMain.READY_PREFIX)) {
                    readyAddress.complete(line.substring(KafkaBrokerMain.READY_PREFIX.length()).trim());
                }
            }
        } catch (IOException e) {
            // The pipe breaks when the child is killed; the output simply ends.
        } finally {
            readyAddress.completeExceptionally(new IllegalStateException("output ended before the ready line"));
            closeQuietly(log);
        }
    }

    private synchronized void remember(String line) {
        if (lastLines.size() == REMEMBERED_LINES) {
            lastLines.removeFirst();
        }
        lastLines.addLast(line);
    }

    private void writeToLog(String line) {
        try {
            log.write(line);
            log.write(System.lineSeparator());
            log.flush();
        } catch (IOException e) {
            // A full disk must not stop us from reading, or the child would block on its pipe.
        }
    }
}
