package org.evcharging.central.interfaces.rest;

import jakarta.ws.rs.NameBinding;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An operator action: once answered, it is recorded in the audit log by {@link AuditedActions}
 * with the signed-in operator, the source address, its path parameters and whether it went through.
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Audited {

    /** The action's audit name, such as {@code cp.stop}. */
    String value() default "";

    /** Fixed parameters to record (e.g. {@code target=all}); by default the path parameters. */
    String parameters() default "";
}
