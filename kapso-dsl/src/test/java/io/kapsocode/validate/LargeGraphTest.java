package io.kapsocode.validate;

import static org.assertj.core.api.Assertions.assertThat;

import io.kapsocode.json.Json;
import io.kapsocode.model.Edge;
import io.kapsocode.model.Node;
import io.kapsocode.model.Project;
import io.kapsocode.model.Workflow;
import io.kapsocode.model.node.SendTextConfig;
import io.kapsocode.model.node.SetVariableConfig;
import io.kapsocode.model.node.StartConfig;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Graph rules on very long paths must not recurse per node: a deep graph is no reason to crash. */
class LargeGraphTest {

    private static final int LENGTH = 100_000;

    @Test
    void aVeryLongChainValidatesWithoutOverflowingTheStack() {
        assertThat(ProjectValidator.validate(project(chain(false)))).isEmpty();
    }

    @Test
    void aVeryLongLoopWithoutPauseIsFound() {
        assertThat(ProjectValidator.validate(project(chain(true))))
                .singleElement()
                .satisfies(d -> assertThat(d.code()).isEqualTo("cycle_without_pause"));
    }

    private static Project project(Workflow workflow) {
        return new Project(List.of(workflow), List.of(), List.of());
    }

    private static Workflow chain(boolean loop) {
        List<Node> nodes = new ArrayList<>();
        List<Edge> edges = new ArrayList<>();
        nodes.add(new Node("start", new StartConfig()));
        String previous = "start";
        for (int i = 0; i < LENGTH; i++) {
            String id = "n" + i;
            nodes.add(new Node(
                    id,
                    i == LENGTH - 1 && !loop
                            ? new SendTextConfig(Json.text("Bye"), null, null, null, null, null, null, null)
                            : new SetVariableConfig("v", Json.valueOf(i), null)));
            edges.add(Edge.next(previous, id));
            previous = id;
        }
        if (loop) {
            edges.add(Edge.next(previous, "n0"));
        }
        return new Workflow("long", "Long", null, null, null, List.of(), nodes, edges, null);
    }
}
