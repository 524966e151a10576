package org.evcharging.agent.config;

import java.util.Objects;

/**
 * One configurable value of a subcommand: where it may come from (a positional argument or an
 * option, and an environment variable) and how it is explained in {@code --help}.
 *
 * @param name positional name or option flag, as shown to the user
 * @param env the environment / {@code .env} variable, or null when there is none
 * @param metavar what the value looks like in the help (e.g. {@code SECONDS}); null for a switch
 * @param defaultText the default as shown in the help, or null when there is none
 */
public record Setting(String name, boolean positional, String env, String metavar, String defaultText, String help) {

    public Setting {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(help, "help");
    }

    public static Setting positional(String name, String env, String help) {
        return new Setting(name, true, env, null, null, help);
    }

    public static Setting option(String flag, String env, String metavar, String defaultText, String help) {
        return new Setting(flag, false, env, metavar, defaultText, help);
    }

    /** An option without a value: present means true. */
    public static Setting flag(String flag, String env, String help) {
        return new Setting(flag, false, env, null, "false", help);
    }

    public boolean takesValue() {
        return positional || metavar != null;
    }
}
