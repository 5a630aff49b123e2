package io.kapsocode.dsl;

import io.kapsocode.model.node.NodeConfig;
import io.kapsocode.model.node.WaitForResponseConfig;
import java.time.Duration;

/** Configures a {@code wait_for_response} node. */
public final class WaitForResponseSpec extends NodeSpec<WaitForResponseSpec> {

    private Integer timeoutSeconds;
    private String saveResponseTo;

    WaitForResponseSpec() {}

    /** Gives up waiting after {@code timeout} (Kapso accepts 10 seconds to 7 days). */
    public WaitForResponseSpec timeout(Duration timeout) {
        this.timeoutSeconds = Math.toIntExact(timeout.toSeconds());
        return this;
    }

    /** Resumes after this many seconds without an answer (10 to 604800). */
    public WaitForResponseSpec timeoutSeconds(int timeoutSeconds) {
        this.timeoutSeconds = timeoutSeconds;
        return this;
    }

    /** Also stores the answer in {@code vars.<variable>}. */
    public WaitForResponseSpec saveResponseTo(String variable) {
        this.saveResponseTo = variable;
        return this;
    }

    @Override
    NodeConfig config() {
        return new WaitForResponseConfig(null, timeoutSeconds, saveResponseTo);
    }
}
