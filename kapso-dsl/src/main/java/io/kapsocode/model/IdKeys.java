package io.kapsocode.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The config keys that name a resource by its Kapso id, each with the key that names it portably
 * (contract §B.0): validation warns about them, {@code kapso:migrate} rewrites the ones Kapso's lists
 * can name.
 */
public final class IdKeys {

    /** Each id key with its portable key, in a stable order. */
    public static final Map<String, String> PORTABLE;

    static {
        Map<String, String> keys = new LinkedHashMap<>();
        keys.put("function_id", "function_slug");
        keys.put("workflow_id", "workflow_slug");
        keys.put("provider_model_id", "provider_model_name");
        keys.put("whatsapp_config_id", "phone_number_id");
        keys.put("flow_id", "whatsapp_flow_name");
        PORTABLE = java.util.Collections.unmodifiableMap(keys);
    }

    /** The id keys whose names the project's function, workflow and model lists give. */
    public static final List<String> NAMED_BY_LISTS = List.of("function_id", "workflow_id", "provider_model_id");

    private IdKeys() {}
}
