package io.kapsocode.it;

import io.kapsocode.dsl.Kapso;
import io.kapsocode.dsl.KapsoDefinitions;
import io.kapsocode.model.Workflow;
import java.util.List;

public class Broken implements KapsoDefinitions {
    @Override
    public List<Workflow> workflows() {
        return List.of(Kapso.workflow("broken")
                .name("Broken")
                .start()
                .sendText("greet", "Hi")
                .sendText("greet", "Hi again")
                .build());
    }
}
