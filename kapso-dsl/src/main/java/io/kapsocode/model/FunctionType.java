package io.kapsocode.model;

/** Where Kapso deploys a function. */
public enum FunctionType implements WireValue {
    CLOUDFLARE_WORKER("cloudflare_worker"),
    SUPABASE_FUNCTION("supabase_function");

    private final String wire;

    FunctionType(String wire) {
        this.wire = wire;
    }

    @Override
    public String wire() {
        return wire;
    }
}
