package org.evcharging.agent.admin;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A plain-text table with aligned columns. Colour codes are applied after padding, so a coloured
 * cell never shifts its column.
 */
final class TextTable {

    private final List<String> headers;
    private final List<List<String>> rows = new ArrayList<>();
    private final List<UnaryOperator<String>> paints = new ArrayList<>();

    TextTable(String... headers) {
        this.headers = List.of(headers);
    }

    /** A row; {@code paint} colours the padded row (identity for none). */
    TextTable row(UnaryOperator<String> paint, String... cells) {
        List<String> row = new ArrayList<>();
        for (String cell : cells) {
            row.add(cell == null ? "-" : cell);
        }
        rows.add(row);
        paints.add(paint);
        return this;
    }

    String render() {
        int[] widths = new int[headers.size()];
        for (int c = 0; c < widths.length; c++) {
            widths[c] = headers.get(c).length();
            for (List<String> row : rows) {
                widths[c] = Math.max(widths[c], row.get(c).length());
            }
        }
        StringBuilder out = new StringBuilder(line(headers, widths)).append('\n');
        int total = 0;
        for (int width : widths) {
            total += width + 2;
        }
        out.append("-".repeat(Math.max(0, total - 2))).append('\n');
        for (int r = 0; r < rows.size(); r++) {
            out.append(paints.get(r).apply(line(rows.get(r), widths))).append('\n');
        }
        return out.toString();
    }

    boolean isEmpty() {
        return rows.isEmpty();
    }

    private static String line(List<String> cells, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int c = 0; c < cells.size(); c++) {
            line.append(c == cells.size() - 1 ? cells.get(c) : String.format("%-" + widths[c] + "s  ", cells.get(c)));
        }
        return line.toString().stripTrailing();
    }
}
