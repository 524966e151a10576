package org.evcharging.agent.driver;

import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.evcharging.agent.CommandContext;
import org.evcharging.agent.Main;
import org.evcharging.agent.support.CapturedOutput;

/** One driver process run through {@link Main#run} on a thread of its own, with stdin the test types into. */
final class DriverRun implements AutoCloseable {

    final CapturedOutput out;
    private final PipedOutputStream keyboard = new PipedOutputStream();
    private final CompletableFuture<Integer> exit;

    private DriverRun(String name, List<String> args) {
        this.out = new CapturedOutput(name);
        PipedInputStream stdin;
        try {
            stdin = new PipedInputStream(keyboard, 4096);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        CommandContext context = new CommandContext(Map.of(), Map.of(), stdin, out.stream(), out.stream());
        List<String> all = new ArrayList<>(List.of("driver"));
        all.addAll(args);
        this.exit = CompletableFuture.supplyAsync(() -> Main.run(all.toArray(String[]::new), context),
                command -> new Thread(command, name).start());
    }

    /** Starts a driver and waits until it listens, so nothing it asks for can be missed. */
    static DriverRun start(String name, String... args) {
        DriverRun run = new DriverRun(name, List.of(args));
        run.out.awaitLine("Connected: listening", Duration.ofSeconds(20));
        return run;
    }

    void type(String line) {
        try {
            keyboard.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            keyboard.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Ends the input, as the end of a piped script. */
    void endInput() {
        try {
            keyboard.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int awaitExit(Duration timeout) throws Exception {
        return exit.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() throws Exception {
        endInput();
        awaitExit(Duration.ofSeconds(10));
    }
}
