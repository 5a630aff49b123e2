package io.kapsocode.model;

/** How a {@code set_variable} node stores its value. */
public enum ValueType implements WireValue {
    STRING("string"),
    NUMBER("number"),
    BOOLEAN("boolean"),
    JSON("json");

    private final String wire;

    ValueType(String wire) {
        this.wire = wire;
    }

    @Override
    public String wire() {
        return wire;
    }
}
