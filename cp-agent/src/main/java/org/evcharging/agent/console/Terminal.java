package org.evcharging.agent.console;

import java.io.Console;
import java.lang.reflect.Method;

/** Whether standard output is an interactive terminal, on JDK 17 and on JDK 22+ alike. */
public final class Terminal {

    private Terminal() {
    }

    /**
     * Since JDK 22 {@link System#console()} returns a console even when the streams are redirected;
     * {@code Console.isTerminal()} (22+) then tells the truth. On older JDKs a non-null console
     * already means a terminal.
     */
    public static boolean isInteractive() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            Method isTerminal = Console.class.getMethod("isTerminal");
            return (Boolean) isTerminal.invoke(console);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }
}
