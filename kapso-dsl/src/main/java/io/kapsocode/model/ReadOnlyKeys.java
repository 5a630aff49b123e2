package io.kapsocode.model;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Keys Kapso adds to a config in its responses (ids, {@code *_name} companions, legacy expansions).
 * They are dropped when read, because sources must hold only what an author writes.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ReadOnlyKeys {
    String[] value();
}
