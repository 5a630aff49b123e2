package io.kapsocode.model;

/** How an agent sandbox authenticates to a GitHub repository. */
public enum RepositoryAuthType implements WireValue {
    PAT("pat"),
    GITHUB_APP("github_app"),
    PUBLIC("public");

    private final String wire;

    RepositoryAuthType(String wire) {
        this.wire = wire;
    }

    @Override
    public String wire() {
        return wire;
    }
}
