package io.kapsocode.contract;

import io.kapsocode.testkit.Exchange;
import io.kapsocode.testkit.KapsoEmulator;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Checks every exchange an emulator served: against Kapso's OpenAPI spec where it defines the
 * operation, against our own platform schemas (WhatsApp flows, phone numbers, provider models) where it
 * does not. An exchange neither covers is a problem too, so that no endpoint goes unchecked.
 */
public final class Exchanges {

    private static final Optional<OpenApiContract> SPEC = OpenApiContract.workflowsSpec();
    private static final PlatformEndpointsContract PLATFORM = new PlatformEndpointsContract();

    private Exchanges() {}

    public static List<String> problems(KapsoEmulator emulator) {
        List<String> problems = new ArrayList<>();
        for (Exchange exchange : emulator.exchanges()) {
            problems.addAll(problems(exchange));
        }
        return problems;
    }

    static List<String> problems(Exchange exchange) {
        String path = "/platform/v1" + exchange.path();
        if (PLATFORM.covers(exchange.method(), exchange.path())) {
            return PLATFORM.check(
                    exchange.method(),
                    exchange.path(),
                    exchange.requestBody(),
                    exchange.status(),
                    exchange.responseBody());
        }
        if (SPEC.isEmpty()) {
            return List.of(); // the spec is not on this machine: OpenApiContract's tests say so
        }
        OpenApiContract spec = SPEC.get();
        if (spec.template(exchange.method(), path).isEmpty()) {
            return List.of(exchange.method() + " " + path + " is covered by no contract");
        }
        List<String> problems = new ArrayList<>(spec.checkRequest(exchange.method(), path, exchange.requestBody()));
        problems.addAll(spec.checkResponse(exchange.method(), path, exchange.status(), exchange.responseBody()));
        return problems;
    }
}
