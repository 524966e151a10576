package it.org.evcharging.central.hosts;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;

/**
 * A terminal driver ({@code cp-agent driver}) on host C, used as a person would: menu lines on its
 * standard input, and what it prints read back (acceptance, "Cannot connect to CENTRAL", tickets).
 */
public final class DriverTerminal {

    /** A ticket as the driver's terminal shows it. */
    public record Ticket(String sessionId, String cpId, double energyKwh, double cost, String ended, long nanos) {
    }

    /** What a charge request came to: "accepted" (with the session), "refused" or "no_central". */
    public record Answer(String outcome, String sessionId, String text, long nanos) {
    }

    private final String id;
    private final HostProcess process;

    public DriverTerminal(String id, HostProcess process) {
        this.id = id;
        this.process = process;
    }

    public String id() {
        return id;
    }

    public HostProcess process() {
        return process;
    }

    public void awaitConnected(Duration timeout) throws InterruptedException {
        process.awaitLine("^Connected: listening for answers to driver " + id, 0, timeout);
    }

    /** Menu 2 at {@code cpId}; waits for the first answer line (or the driver's own time-out message). */
    public Answer charge(String cpId, Duration timeout) throws IOException, InterruptedException {
        int mark = process.mark();
        process.send("2", cpId);
        HostProcess.Line line = process.awaitLine("^(Accepted: session \\S+ at " + cpId + "|Refused: |Cannot connect to CENTRAL)",
                mark, timeout);
        return answer(line);
    }

    /** The next answer line from {@code mark} on (e.g. a late answer to a request queued while Central was away). */
    public Answer awaitAnswer(int mark, Duration timeout) throws InterruptedException {
        return answer(process.awaitLine("^(Accepted: session \\S+ at |Refused: )", mark, timeout));
    }

    private static Answer answer(HostProcess.Line line) {
        String text = line.text();
        if (text.startsWith("Accepted: session ")) {
            return new Answer("accepted", text.split(" ")[2], text, line.nanos());
        }
        return new Answer(text.startsWith("Refused") ? "refused" : "no_central", null, text, line.nanos());
    }

    /** Every ticket shown so far, in order. */
    public List<Ticket> tickets() {
        List<HostProcess.Line> lines = process.lines();
        List<Ticket> tickets = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).text().equals("EV CHARGING SERVICE - TICKET")) {
                continue;
            }
            String session = null;
            String cp = null;
            String ended = null;
            double energy = Double.NaN;
            double cost = Double.NaN;
            int j = i + 1;
            for (; j < lines.size() && j < i + 12; j++) {
                String text = lines.get(j).text();
                if (text.startsWith("Session:")) {
                    session = value(text);
                } else if (text.startsWith("CP:")) {
                    cp = value(text);
                } else if (text.startsWith("Energy:")) {
                    energy = number(value(text));
                } else if (text.startsWith("Cost:")) {
                    cost = number(value(text));
                } else if (text.startsWith("Ended:")) {
                    ended = value(text);
                    break;
                }
            }
            if (ended != null) {
                tickets.add(new Ticket(session, cp, energy, cost, ended, lines.get(i).nanos()));
            }
        }
        return tickets;
    }

    public List<Ticket> ticketsFor(String sessionId) {
        return tickets().stream().filter(t -> sessionId.equals(t.sessionId())).toList();
    }

    public Ticket awaitTicket(String sessionId, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            List<Ticket> found = ticketsFor(sessionId);
            if (!found.isEmpty()) {
                return found.get(0);
            }
            TimeUnit.MILLISECONDS.sleep(50);
        }
        throw new AssertionError(id + ": no ticket for session " + sessionId + " within " + timeout + "; see " + process.log());
    }

    /** Menu 5; waits for the history line of {@code sessionId}, returns its energy. */
    public Matcher historyOf(String sessionId, Duration timeout) throws IOException, InterruptedException {
        int mark = process.mark();
        process.send("5");
        return process.awaitMatch("^\\s+" + java.util.regex.Pattern.quote(sessionId) + "\\s+(\\S+)\\s.*\\s([0-9.]+) kWh, ([0-9.]+) EUR",
                mark, timeout);
    }

    private static String value(String text) {
        return text.substring(text.indexOf(':') + 1).strip();
    }

    private static double number(String text) {
        String first = text.split(" ")[0];
        try {
            return Double.parseDouble(first);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    public static String kwh(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }
}
