package io.kapsocode.model;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a record that needs at least one of several keys: a reference Kapso accepts in more than one
 * form, such as a function by {@code function_slug}, {@code function_id} or {@code function_name}. The
 * first key is the form a message suggests.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface RequiredOneOf {
    String[] value();
}
