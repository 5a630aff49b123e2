package io.kapsocode.testkit;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** Faults waiting for matching requests; each fires for a given number of requests, then is gone. */
public final class Faults {

    private record Rule(String method, Pattern path, Fault fault, int[] remaining) {}

    private final List<Rule> rules = new ArrayList<>();

    /**
     * The next {@code times} requests with this method and a path (under {@code /platform/v1}) matching
     * {@code pathRegex} meet {@code fault}.
     */
    public synchronized Faults inject(String method, String pathRegex, Fault fault, int times) {
        rules.add(new Rule(method, Pattern.compile(pathRegex), fault, new int[] {times}));
        return this;
    }

    /** The next matching request meets {@code fault}. */
    public Faults injectOnce(String method, String pathRegex, Fault fault) {
        return inject(method, pathRegex, fault, 1);
    }

    /** How many injected faults no request has met yet. */
    public synchronized int pending() {
        return rules.stream().mapToInt(rule -> rule.remaining()[0]).sum();
    }

    public synchronized void clear() {
        rules.clear();
    }

    synchronized Optional<Fault> take(String method, String path) {
        for (Iterator<Rule> it = rules.iterator(); it.hasNext(); ) {
            Rule rule = it.next();
            if (rule.method().equals(method) && rule.path().matcher(path).matches()) {
                if (--rule.remaining()[0] <= 0) {
                    it.remove();
                }
                return Optional.of(rule.fault());
            }
        }
        return Optional.empty();
    }
}
