package io.kapsocode.it;

import io.kapsocode.dsl.Kapso;
import io.kapsocode.dsl.KapsoDefinitions;
import io.kapsocode.model.Workflow;
import java.util.List;

public class Routing implements KapsoDefinitions {
    @Override
    public List<Workflow> workflows() {
        return List.of(Kapso.workflow("routing")
                .name("Routing")
                .start()
                .waitForResponse("ask")
                .decide("route", d -> d.ai("gpt-5-mini").when("yes").goTo("confirm").when("no").goTo("cancl"))
                .sendText("confirm", "Confirmed.")
                .end()
                .sendText("cancel", "Cancelled.")
                .build());
    }
}
