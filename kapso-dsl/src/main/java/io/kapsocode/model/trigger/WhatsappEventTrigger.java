package io.kapsocode.model.trigger;

import io.kapsocode.model.Required;
import io.kapsocode.model.WhatsappEvent;

/**
 * Starts an observer execution on a WhatsApp event.
 *
 * @param event the event
 * @param phoneNumberId optional number the event must concern
 * @param active whether it is active (default true)
 */
public record WhatsappEventTrigger(@Required WhatsappEvent event, String phoneNumberId, Boolean active)
        implements Trigger {

    public static final String TYPE = "whatsapp_event";

    @Override
    public String triggerType() {
        return TYPE;
    }
}
