package io.kapsocode.model.node;

import com.fasterxml.jackson.databind.JsonNode;
import io.kapsocode.model.KapsoValues;
import io.kapsocode.model.Required;
import io.kapsocode.model.ValueType;
import io.kapsocode.model.Values;

/**
 * A {@code set_variable} node: stores a value in {@code vars}.
 *
 * @param variableName the variable
 * @param variableValue the value; strings are interpolated
 * @param valueType how the value is stored (Kapso answers 422 on push when it is missing)
 */
public record SetVariableConfig(
        @Required String variableName, @Required JsonNode variableValue, ValueType valueType) implements NodeConfig {

    public static final String TYPE = "set_variable";

    public SetVariableConfig {
        variableValue = KapsoValues.typed(Values.json(variableValue), valueType == null ? null : valueType.wire());
    }

    @Override
    public String nodeType() {
        return TYPE;
    }
}
