package io.kapsocode.apply;

import java.time.Duration;

/**
 * How one apply step ended.
 *
 * @param step what it does, such as {@code deploy function 'lookup-order'}
 * @param outcome applied, failed, unknown or not run
 * @param duration how long it took (zero when not run)
 * @param message why it failed, or what is unknown
 */
public record StepResult(String step, Outcome outcome, Duration duration, String message) {

    /** How a step ended. */
    public enum Outcome {
        APPLIED,
        FAILED,
        /** Kapso gave no clear answer to a write: it may or may not have taken it. */
        OUTCOME_UNKNOWN,
        /** An earlier step failed, so this one was not tried. */
        NOT_APPLIED
    }
}
