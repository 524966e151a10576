package org.evcharging.agent.config;

import java.util.ArrayList;
import java.util.List;

/** What a subcommand accepts, and its {@code --help} text derived from that. */
public record CommandSpec(String command, String summary, List<Setting> positionals, List<Setting> options,
                          List<String> notes) {

    public static final String PROGRAM = "java -jar cp-agent.jar";
    private static final String HELP_FLAG = "--help";

    public CommandSpec {
        positionals = List.copyOf(positionals);
        options = List.copyOf(options);
        notes = List.copyOf(notes);
    }

    public List<Setting> all() {
        List<Setting> all = new ArrayList<>(positionals);
        all.addAll(options);
        return all;
    }

    public String usage() {
        StringBuilder line = new StringBuilder(PROGRAM).append(' ').append(command);
        for (Setting p : positionals) {
            line.append(" <").append(p.name()).append('>');
        }
        return line.append(" [options]").toString();
    }

    public String help() {
        StringBuilder text = new StringBuilder();
        text.append(summary).append("\n\nUsage: ").append(usage()).append("\n\nArguments:\n");
        for (Setting p : positionals) {
            row(text, "<" + p.name() + ">", p);
        }
        text.append("\nOptions:\n");
        for (Setting o : options) {
            row(text, o.metavar() == null ? o.name() : o.name() + " " + o.metavar(), o);
        }
        row(text, HELP_FLAG, new Setting(HELP_FLAG, false, null, null, null, "show this help and exit"));
        text.append("\nPrecedence: arguments > environment > .env in the working directory > defaults.\n");
        for (String note : notes) {
            text.append(note).append('\n');
        }
        return text.toString();
    }

    private static void row(StringBuilder text, String left, Setting s) {
        text.append(String.format("  %-28s %s", left, s.help()));
        if (s.env() != null) {
            text.append(" [env ").append(s.env()).append(']');
        }
        if (s.defaultText() != null) {
            text.append(" (default ").append(s.defaultText()).append(')');
        }
        text.append('\n');
    }

    static boolean isHelp(String arg) {
        return HELP_FLAG.equals(arg) || "-h".equals(arg);
    }
}
