package io.kapsocode.model.trigger;

import io.kapsocode.model.Required;

/**
 * Starts the workflow on inbound WhatsApp messages to one number. Only one workflow may hold an
 * active inbound trigger per number.
 *
 * @param phoneNumberId the number's Meta id
 * @param active whether it is active (default true)
 */
public record InboundMessageTrigger(@Required String phoneNumberId, Boolean active) implements Trigger {

    public static final String TYPE = "inbound_message";

    @Override
    public String triggerType() {
        return TYPE;
    }
}
