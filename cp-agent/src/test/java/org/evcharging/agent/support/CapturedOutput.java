package org.evcharging.agent.support;

import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import org.evcharging.agent.console.EventLog;

/** What an agent prints, kept for assertions (and echoed, so a failing test's story can be read). */
public final class CapturedOutput {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final String name;
    private final PrintStream stream;

    public CapturedOutput(String name) {
        this.name = name;
        this.stream = new PrintStream(new TeeStream(), true, StandardCharsets.UTF_8);
    }

    public EventLog eventLog() {
        return new EventLog(stream);
    }

    public PrintStream stream() {
        return stream;
    }

    public String text() {
        synchronized (bytes) {
            return bytes.toString(StandardCharsets.UTF_8);
        }
    }

    public List<String> lines() {
        return Arrays.asList(text().split("\\R"));
    }

    public long count(String fragment) {
        return lines().stream().filter(l -> l.contains(fragment)).count();
    }

    /** Waits for a line containing {@code fragment}, and returns it. */
    public String awaitLine(String fragment, Duration timeout) {
        await("line containing '" + fragment + "' from " + name).atMost(timeout)
                .until(() -> count(fragment) > 0);
        return lines().stream().filter(l -> l.contains(fragment)).findFirst().orElseThrow();
    }

    private final class TeeStream extends java.io.OutputStream {
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();

        @Override
        public void write(int b) {
            synchronized (bytes) {
                bytes.write(b);
            }
            synchronized (line) {
                if (b == '\n') {
                    System.out.println("[" + name + "] " + line.toString(StandardCharsets.UTF_8));
                    line.reset();
                } else {
                    line.write(b);
                }
            }
        }
    }
}
