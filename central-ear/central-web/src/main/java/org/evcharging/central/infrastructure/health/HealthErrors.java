package org.evcharging.central.infrastructure.health;

/** One line that says why a dependency is down, from the innermost cause. */
final class HealthErrors {

    private HealthErrors() {
    }

    static String describe(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return root.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
