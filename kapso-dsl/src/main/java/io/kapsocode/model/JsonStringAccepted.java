package io.kapsocode.model;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a JSON component that Kapso sometimes returns as a JSON string (legacy webhook actions):
 * readers decode such a string into the object or array it holds, so that diffs are not noisy.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface JsonStringAccepted {}
