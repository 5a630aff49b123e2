package io.kapsocode.json;

/** The text formats sources are read from. */
public enum SourceFormat {
    JSON,
    YAML
}
