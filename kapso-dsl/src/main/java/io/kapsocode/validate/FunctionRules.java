package io.kapsocode.validate;

import com.fasterxml.jackson.databind.JsonNode;
import io.kapsocode.diagnostic.Diagnostics;
import io.kapsocode.model.FunctionDefinition;
import io.kapsocode.model.WhatsappFlow;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/** The rules of functions and WhatsApp Flows (contract §E and §F). */
final class FunctionRules {

    static final Pattern FUNCTION_SLUG = Pattern.compile("^[a-z0-9-]+$");
    static final Pattern SECRET_NAME = Pattern.compile("^[A-Z0-9_]+$");
    static final int MAX_CODE_BYTES = 1024 * 1024;

    private FunctionRules() {}

    static void check(FunctionDefinition function, Diagnostics out) {
        Findings findings = new Findings(out, function.subject(), function.sourceMap());
        String owner = "function '" + function.slug() + "'";
        if (!FUNCTION_SLUG.matcher(function.slug()).matches()) {
            findings.error(
                    "invalid_slug",
                    "slug",
                    owner + " needs a slug of lower-case letters, digits and hyphens, such as '"
                            + Slugs.suggest(function.slug()) + "'");
        }
        if (RequiredFields.isEmpty(function.name())) {
            findings.error("empty_required_field", "name", owner + " needs a 'name'; add one");
        }
        if (RequiredFields.isEmpty(function.code())) {
            findings.error(
                    "empty_required_field",
                    "code",
                    owner + " has no code; write it in "
                            + (function.codeFile() == null ? "index.js" : function.codeFile()));
        } else if (function.code().getBytes(StandardCharsets.UTF_8).length > MAX_CODE_BYTES) {
            findings.error("code_too_large", "code", owner + " has more than 1 MB of code; Kapso refuses it");
        }
        for (int i = 0; i < function.secretNames().size(); i++) {
            String secret = function.secretNames().get(i);
            if (secret == null || !SECRET_NAME.matcher(secret).matches()) {
                findings.error(
                        "invalid_secret_name",
                        "secrets." + i,
                        owner + " names secret '" + secret + "'; secret names are upper-case letters, digits and"
                                + " '_', such as 'API_TOKEN'");
            }
        }
    }

    static void check(WhatsappFlow flow, Diagnostics out) {
        Findings findings = new Findings(out, flow.subject(), flow.sourceMap());
        String owner = "WhatsApp flow '" + flow.name() + "'";
        if (RequiredFields.isEmpty(flow.phoneNumberId())) {
            findings.error(
                    "empty_required_field",
                    "phone_number_id",
                    owner + " needs 'phone_number_id', the number whose WhatsApp Business Account owns it");
        }
        JsonNode json = flow.flowJson();
        if (json == null || json.isMissingNode() || json.isNull()) {
            return; // the loader already reported the missing or broken file
        }
        if (!json.isObject()
                || !json.path("version").isTextual()
                || !json.path("screens").isArray()) {
            findings.error(
                    "invalid_flow_json",
                    "flow_json",
                    owner + " is not Meta Flow JSON: it needs a string 'version' and a list of 'screens'");
        } else if (json.path("screens").isEmpty()) {
            findings.error("invalid_flow_json", "flow_json", owner + " has no screens; add at least one");
        } else {
            FlowJsonRules.check(json, findings);
        }
    }
}
