package io.kapsocode.plan;

import java.util.List;

/** References that exist neither in the sources nor remotely: the plan stops before any write. */
public final class UnresolvedReferenceException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    public UnresolvedReferenceException(List<String> problems) {
        super(String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
