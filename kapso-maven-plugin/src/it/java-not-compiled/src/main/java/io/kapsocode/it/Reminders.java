package io.kapsocode.it;

import io.kapsocode.dsl.Kapso;
import io.kapsocode.dsl.KapsoDefinitions;
import io.kapsocode.model.Workflow;
import java.util.List;

public class Reminders implements KapsoDefinitions {
    @Override
    public List<Workflow> workflows() {
        return List.of(Kapso.workflow("appointment-reminder")
                .name("Appointment reminder")
                .onApiCall()
                .start()
                .sendText("remind", "See you tomorrow at {{vars.time}}.")
                .build());
    }
}
