package io.kapsocode.dsl;

import io.kapsocode.model.FunctionDefinition;
import io.kapsocode.model.WhatsappFlow;
import io.kapsocode.model.Workflow;
import java.util.List;

/**
 * Declares workflows, functions and WhatsApp Flows in Java. The Maven plugin finds implementations
 * through {@link java.util.ServiceLoader}: list them in
 * {@code META-INF/services/io.kapsocode.dsl.KapsoDefinitions}.
 */
public interface KapsoDefinitions {

    List<Workflow> workflows();

    default List<FunctionDefinition> functions() {
        return List.of();
    }

    default List<WhatsappFlow> whatsappFlows() {
        return List.of();
    }
}
