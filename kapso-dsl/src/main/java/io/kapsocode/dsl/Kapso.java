package io.kapsocode.dsl;

/**
 * The entry point of the Java DSL.
 *
 * <pre>{@code
 * Workflow w = Kapso.workflow("order-status").name("Order status").start().sendText("hi", "Hello").build();
 * }</pre>
 */
public final class Kapso {

    private Kapso() {}

    /** A workflow with this slug: kebab-case, the identity that matches it with Kapso's copy. */
    public static WorkflowBuilder workflow(String slug) {
        return new WorkflowBuilder(slug);
    }

    /** A function with this slug, the name workflows reference it by. */
    public static FunctionBuilder function(String slug) {
        return new FunctionBuilder(slug);
    }

    /** A WhatsApp Flow's Flow JSON written in Java, for {@link WhatsappFlowBuilder#flowJson(Object)}. */
    public static FlowJsonBuilder flowJson(String version) {
        return new FlowJsonBuilder(version);
    }

    /** A WhatsApp Flow with this name, the name {@code send_interactive} nodes reference it by. */
    public static WhatsappFlowBuilder whatsappFlow(String name) {
        return new WhatsappFlowBuilder(name);
    }
}
