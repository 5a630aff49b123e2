package io.kapsocode.model;

/** HTTP methods a webhook node or agent webhook tool may use. */
public enum HttpMethod implements WireValue {
    GET("GET"),
    POST("POST"),
    PUT("PUT"),
    PATCH("PATCH"),
    DELETE("DELETE");

    private final String wire;

    HttpMethod(String wire) {
        this.wire = wire;
    }

    @Override
    public String wire() {
        return wire;
    }
}
