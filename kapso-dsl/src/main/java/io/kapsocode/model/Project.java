package io.kapsocode.model;

import java.util.List;
import java.util.Optional;

/**
 * Everything a source tree declares: workflows, functions and WhatsApp Flows.
 *
 * @param workflows workflows, by slug
 * @param functions functions, by slug
 * @param whatsappFlows WhatsApp Flows, by name
 */
public record Project(List<Workflow> workflows, List<FunctionDefinition> functions, List<WhatsappFlow> whatsappFlows) {

    public Project {
        workflows = Values.list(workflows);
        functions = Values.list(functions);
        whatsappFlows = Values.list(whatsappFlows);
    }

    public Optional<Workflow> workflow(String slug) {
        return workflows.stream().filter(w -> w.slug().equals(slug)).findFirst();
    }

    public Optional<FunctionDefinition> function(String slug) {
        return functions.stream().filter(f -> f.slug().equals(slug)).findFirst();
    }

    public Optional<WhatsappFlow> whatsappFlow(String name) {
        return whatsappFlows.stream().filter(f -> f.name().equals(name)).findFirst();
    }
}
