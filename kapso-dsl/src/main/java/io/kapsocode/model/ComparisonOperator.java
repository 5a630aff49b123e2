package io.kapsocode.model;

/** Operators of a project-event trigger's property filter; the ordering ones match numbers only. */
public enum ComparisonOperator implements WireValue {
    EQ("eq"),
    LT("lt"),
    LTE("lte"),
    GT("gt"),
    GTE("gte");

    private final String wire;

    ComparisonOperator(String wire) {
        this.wire = wire;
    }

    @Override
    public String wire() {
        return wire;
    }
}
