package io.kapsocode.yaml;

/** The long form of a decide branch: {@code label: {next: target, description: ...}}. */
record YamlBranch(String next, String description) {}
