package io.kapsocode.plan;

import io.kapsocode.model.Workflow;
import java.util.Set;

/**
 * Which layout and labels of a workflow count in a comparison: those its sources set. A plan tells which
 * side moved since the last apply by looking at Kapso through the projection of that apply, so that a
 * label added to the sources is not mistaken for an edit made in Kapso.
 *
 * @param laidOut ids of the nodes whose position the sources set
 * @param labelled ids of the nodes whose display name the sources set
 */
public record Projection(Set<String> laidOut, Set<String> labelled) {

    public Projection {
        laidOut = Set.copyOf(laidOut);
        labelled = Set.copyOf(labelled);
    }

    public static Projection of(Workflow workflow) {
        return new Projection(Planner.laidOut(workflow), Planner.labelled(workflow));
    }
}
