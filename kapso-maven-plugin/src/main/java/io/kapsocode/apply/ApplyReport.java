package io.kapsocode.apply;

import io.kapsocode.apply.StepResult.Outcome;
import java.util.List;

/** Every step of an apply in order, with how it ended. */
public record ApplyReport(List<StepResult> steps) {

    public ApplyReport {
        steps = List.copyOf(steps);
    }

    public boolean succeeded() {
        return steps.stream().allMatch(s -> s.outcome() == Outcome.APPLIED);
    }

    public long count(Outcome outcome) {
        return steps.stream().filter(s -> s.outcome() == outcome).count();
    }

    /** {@code Apply complete: 7 steps applied.} or what failed and what was not applied. */
    public String summary() {
        if (succeeded()) {
            return "Apply complete: " + steps.size() + " step" + (steps.size() == 1 ? "" : "s") + " applied.";
        }
        return "Apply stopped: " + count(Outcome.APPLIED) + " applied, " + count(Outcome.FAILED) + " failed, "
                + count(Outcome.OUTCOME_UNKNOWN) + " with unknown outcome, " + count(Outcome.NOT_APPLIED)
                + " not applied. Run kapso:plan to see exactly what remains; apply again to converge.";
    }
}
