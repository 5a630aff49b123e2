package io.kapsocode.dsl;

import com.fasterxml.jackson.databind.JsonNode;
import io.kapsocode.model.ValueType;
import io.kapsocode.model.node.NodeConfig;
import io.kapsocode.model.node.SetVariableConfig;

/** Configures a {@code set_variable} node. */
public final class SetVariableSpec extends NodeSpec<SetVariableSpec> {

    private final String variableName;
    private final JsonNode variableValue;
    private final ValueType valueType;

    SetVariableSpec(String variableName, JsonNode variableValue, ValueType valueType) {
        this.variableName = variableName;
        this.variableValue = variableValue;
        this.valueType = valueType;
    }

    @Override
    NodeConfig config() {
        return new SetVariableConfig(variableName, variableValue, valueType);
    }
}
