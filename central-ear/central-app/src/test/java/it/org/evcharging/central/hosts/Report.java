package it.org.evcharging.central.hosts;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The measured table: per scenario what was observed, how long it took and how it recovered. */
public final class Report {

    public record Row(String scenario, String change, String time, String recovery) {
    }

    private final List<Row> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    public synchronized void add(String scenario, String change, String time, String recovery) {
        Row row = new Row(scenario, change, time, recovery);
        rows.add(row);
        System.out.println("[three-hosts] " + row);
    }

    public synchronized void note(String text) {
        notes.add(text);
        System.out.println("[three-hosts] " + text);
    }

    public static String ms(long fromNanos, long toNanos) {
        return String.format(Locale.ROOT, "%d ms", (toNanos - fromNanos) / 1_000_000);
    }

    public synchronized String render() {
        String[] head = {"scenario", "change observed", "kill/cut -> state", "recovery"};
        int[] width = new int[4];
        List<String[]> cells = new ArrayList<>();
        cells.add(head);
        rows.forEach(r -> cells.add(new String[] {r.scenario(), r.change(), r.time(), r.recovery()}));
        for (String[] line : cells) {
            for (int i = 0; i < 4; i++) {
                width[i] = Math.max(width[i], line[i].length());
            }
        }
        StringBuilder text = new StringBuilder();
        for (int k = 0; k < cells.size(); k++) {
            String[] line = cells.get(k);
            text.append("| ");
            for (int i = 0; i < 4; i++) {
                text.append(String.format(Locale.ROOT, "%-" + width[i] + "s | ", line[i]));
            }
            text.setLength(text.length() - 1);
            text.append('\n');
            if (k == 0) {
                text.append('|');
                for (int i = 0; i < 4; i++) {
                    text.append("-".repeat(width[i] + 2)).append('|');
                }
                text.append('\n');
            }
        }
        if (!notes.isEmpty()) {
            text.append('\n');
            notes.forEach(n -> text.append("- ").append(n).append('\n'));
        }
        return text.toString();
    }

    public void write(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, render());
    }
}
