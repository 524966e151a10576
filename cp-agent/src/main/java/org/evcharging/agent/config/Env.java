package org.evcharging.agent.config;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The environment (or {@code .env}) variable an option or argument falls back to when the command
 * line does not give it; {@link EnvironmentDefaults} reads it and the help lists it.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface Env {

    String value();
}
