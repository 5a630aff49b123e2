package io.kapsocode.model;

/** Header kinds of an interactive message. */
public enum HeaderType implements WireValue {
    NONE("none"),
    TEXT("text"),
    IMAGE("image"),
    VIDEO("video"),
    DOCUMENT("document");

    private final String wire;

    HeaderType(String wire) {
        this.wire = wire;
    }

    @Override
    public String wire() {
        return wire;
    }
}
