package org.evcharging.agent.admin;

import java.util.function.UnaryOperator;

/** The panel's state colours as ANSI codes; plain text when the output is not a terminal. */
final class Palette {

    private final boolean colour;

    Palette(boolean colour) {
        this.colour = colour;
    }

    /** Green ACTIVE/CHARGING, orange STOPPED, red FAULTY, grey DISCONNECTED. */
    UnaryOperator<String> forState(String state) {
        String code = switch (state == null ? "" : state) {
            case "ACTIVE", "CHARGING" -> "32";
            case "STOPPED" -> "38;5;208";
            case "FAULTY" -> "31";
            case "DISCONNECTED" -> "90";
            default -> null;
        };
        return text -> paint(code, text);
    }

    String bold(String text) {
        return paint("1", text);
    }

    String error(String text) {
        return paint("31", text);
    }

    private String paint(String code, String text) {
        return colour && code != null ? "\u001b[" + code + "m" + text + "\u001b[0m" : text;
    }
}
