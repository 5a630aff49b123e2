package io.kapsocode.model.node;

import com.fasterxml.jackson.databind.JsonNode;
import io.kapsocode.model.FlowAction;
import io.kapsocode.model.HeaderType;
import io.kapsocode.model.InteractiveType;
import io.kapsocode.model.ReadOnlyKeys;
import io.kapsocode.model.Required;
import io.kapsocode.model.Values;
import java.util.List;

/**
 * A {@code send_interactive} node: buttons, a list, a call-to-action URL, a WhatsApp Flow or a
 * location request. It only sends; read the answer with a following {@code wait_for_response}.
 *
 * @param interactiveType which variant
 * @param bodyText message body (up to 1024 characters), or an AI field
 * @param footerText optional footer
 * @param headerType optional header kind
 * @param headerText text of a {@code text} header
 * @param headerMediaUrl media of an image, video or document header
 * @param buttons reply buttons of a {@code button} message
 * @param listButtonText the button that opens a {@code list}
 * @param listSections the sections of a {@code list}
 * @param ctaDisplayText the button text of a {@code cta_url} message
 * @param ctaUrl the URL of a {@code cta_url} message
 * @param flowId Meta's id of the WhatsApp Flow to open (raw id)
 * @param whatsappFlowName the local name of a WhatsApp Flow in this project, resolved to its Meta id
 *     when applied; use instead of {@code flowId}
 * @param flowCta the button text that opens the Flow (1 to 20 characters)
 * @param flowToken optional token echoed back with the Flow's reply
 * @param flowAction {@code navigate} or {@code data_exchange}
 * @param flowActionPayload e.g. {@code {"screen": "FIRST_SCREEN"}}
 * @param phoneNumberId the sending number's Meta id
 * @param whatsappConfigId legacy Kapso sender id
 * @param toPhoneNumber recipient override
 * @param providerModelName model for AI fields, by name
 * @param providerModelId model for AI fields, by remote id
 * @param aiFieldConfig per-field AI prompts
 */
@ReadOnlyKeys({"header_config", "action_config"})
public record SendInteractiveConfig(
        @Required InteractiveType interactiveType,
        @Required JsonNode bodyText,
        String footerText,
        HeaderType headerType,
        String headerText,
        String headerMediaUrl,
        List<Button> buttons,
        String listButtonText,
        List<ListSection> listSections,
        String ctaDisplayText,
        String ctaUrl,
        String flowId,
        String whatsappFlowName,
        String flowCta,
        String flowToken,
        FlowAction flowAction,
        JsonNode flowActionPayload,
        String phoneNumberId,
        String whatsappConfigId,
        String toPhoneNumber,
        String providerModelName,
        String providerModelId,
        JsonNode aiFieldConfig)
        implements NodeConfig {

    public static final String TYPE = "send_interactive";

    public SendInteractiveConfig {
        bodyText = Values.json(bodyText);
        buttons = Values.list(buttons);
        listSections = Values.list(listSections);
        flowActionPayload = Values.json(flowActionPayload);
        aiFieldConfig = Values.json(aiFieldConfig);
    }

    @Override
    public String nodeType() {
        return TYPE;
    }
}
