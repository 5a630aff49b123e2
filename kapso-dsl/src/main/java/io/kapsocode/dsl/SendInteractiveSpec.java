package io.kapsocode.dsl;

import com.fasterxml.jackson.databind.JsonNode;
import io.kapsocode.json.Json;
import io.kapsocode.model.FlowAction;
import io.kapsocode.model.HeaderType;
import io.kapsocode.model.InteractiveType;
import io.kapsocode.model.node.Button;
import io.kapsocode.model.node.ListRow;
import io.kapsocode.model.node.ListSection;
import io.kapsocode.model.node.NodeConfig;
import io.kapsocode.model.node.SendInteractiveConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Configures a {@code send_interactive} node. The workflow builder's {@code sendButtons},
 * {@code sendList}, {@code sendCtaUrl}, {@code sendFlow} and {@code requestLocation} set the variant
 * and its required fields; this spec adds the rest.
 */
public final class SendInteractiveSpec extends MessageSpec<SendInteractiveSpec> {

    private final InteractiveType interactiveType;
    private JsonNode bodyText;
    private String footerText;
    private HeaderType headerType;
    private String headerText;
    private String headerMediaUrl;
    private final List<Button> buttons = new ArrayList<>();
    private String listButtonText;
    private final List<ListSection> listSections = new ArrayList<>();
    private String ctaDisplayText;
    private String ctaUrl;
    private String flowId;
    private String whatsappFlowName;
    private String flowCta;
    private String flowToken;
    private FlowAction flowAction;
    private JsonNode flowActionPayload;

    SendInteractiveSpec(InteractiveType interactiveType, String bodyText) {
        this.interactiveType = interactiveType;
        this.bodyText = bodyText == null ? null : Json.text(bodyText);
    }

    /** Lets a model write the body from {@code prompt}. */
    public SendInteractiveSpec aiBodyText(String prompt) {
        this.bodyText = AiField.marker();
        aiField("body_text", prompt);
        return this;
    }

    /** The small text under the message. */
    public SendInteractiveSpec footer(String footerText) {
        this.footerText = footerText;
        return this;
    }

    /** A text header. */
    public SendInteractiveSpec headerText(String headerText) {
        this.headerType = HeaderType.TEXT;
        this.headerText = headerText;
        return this;
    }

    /** A media header: {@code image}, {@code video} or {@code document}. */
    public SendInteractiveSpec headerMedia(HeaderType headerType, String mediaUrl) {
        this.headerType = headerType;
        this.headerMediaUrl = mediaUrl;
        return this;
    }

    /** A reply button (up to 3; title up to 20 characters). */
    public SendInteractiveSpec button(String id, String title) {
        buttons.add(new Button(id, title));
        return this;
    }

    /** A list section with its rows (up to 10 rows in all). */
    public SendInteractiveSpec section(String title, Consumer<Rows> rows) {
        Rows collected = new Rows();
        rows.accept(collected);
        listSections.add(new ListSection(title, collected.rows));
        return this;
    }

    /** The Meta id of the Flow to open, where the flow is not managed in this project. */
    public SendInteractiveSpec flowId(String flowId) {
        this.flowId = flowId;
        return this;
    }

    /** The label of the button that opens the Flow. */
    public SendInteractiveSpec flowCta(String flowCta) {
        this.flowCta = flowCta;
        return this;
    }

    /** The token Meta passes to the flow's data endpoint. */
    public SendInteractiveSpec flowToken(String flowToken) {
        this.flowToken = flowToken;
        return this;
    }

    /** Opens the Flow on {@code screen} ({@code navigate}). */
    public SendInteractiveSpec navigateTo(String screen) {
        this.flowAction = FlowAction.NAVIGATE;
        this.flowActionPayload = Json.object().put("screen", screen);
        return this;
    }

    /** Opens the Flow by asking its data endpoint ({@code data_exchange}). */
    public SendInteractiveSpec dataExchange() {
        this.flowAction = FlowAction.DATA_EXCHANGE;
        return this;
    }

    /** The Flow action payload, as Kapso takes it (e.g. {@code {screen, data}}). */
    public SendInteractiveSpec flowActionPayload(Object payload) {
        this.flowActionPayload = Json.valueOf(payload);
        return this;
    }

    SendInteractiveSpec list(String buttonText) {
        this.listButtonText = buttonText;
        return this;
    }

    SendInteractiveSpec cta(String displayText, String url) {
        this.ctaDisplayText = displayText;
        this.ctaUrl = url;
        return this;
    }

    SendInteractiveSpec flow(String whatsappFlowName, String cta) {
        this.whatsappFlowName = whatsappFlowName;
        this.flowCta = cta;
        return this;
    }

    @Override
    NodeConfig config() {
        return new SendInteractiveConfig(
                interactiveType,
                bodyText,
                footerText,
                headerType,
                headerText,
                headerMediaUrl,
                buttons,
                listButtonText,
                listSections,
                ctaDisplayText,
                ctaUrl,
                flowId,
                whatsappFlowName,
                flowCta,
                flowToken,
                flowAction,
                flowActionPayload,
                phoneNumberId,
                whatsappConfigId,
                toPhoneNumber,
                providerModelName,
                providerModelId,
                aiFieldConfig);
    }

    /** The rows of one list section. */
    public static final class Rows {
        private final List<ListRow> rows = new ArrayList<>();

        Rows() {}

        /** A row (title up to 24 characters). */
        public Rows row(String id, String title) {
            rows.add(new ListRow(id, title, null));
            return this;
        }

        /** A row with a description (up to 72 characters). */
        public Rows row(String id, String title, String description) {
            rows.add(new ListRow(id, title, description));
            return this;
        }
    }
}
