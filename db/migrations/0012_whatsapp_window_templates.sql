-- WhatsApp's rules: free text only inside the 24 h window a client's own message opens, an
-- approved template outside it, and Meta's error codes remembered per message.
--   client.last_inbound_at: when the client last wrote (WhatsApp's time of their message).
--   outbound_message.template / template_params: the template the message maps to (its purpose,
--     e.g. 'booking_confirmed') and its named parameters; NULL for rows queued before this.
--   outbound_message.sent_as: 'text' or 'template', how it finally left.
--   outbound_message.error_code: Meta's code of the last refusal (a second 131049 gives up).
--   outbound_message.template_only: WhatsApp refused the free text (131047, or a refusal whose
--     code n8n lost): every further attempt is the template.
--   salon_settings.whatsapp_templates: the salon's own names and texts per purpose.
ALTER TABLE client ADD COLUMN last_inbound_at timestamptz;

ALTER TABLE outbound_message
    ADD COLUMN template        text,
    ADD COLUMN template_params jsonb NOT NULL DEFAULT '{}',
    ADD COLUMN sent_as         text CHECK (sent_as IN ('text', 'template')),
    ADD COLUMN error_code      integer,
    ADD COLUMN template_only   boolean NOT NULL DEFAULT false;

ALTER TABLE salon_settings
    ADD COLUMN whatsapp_templates jsonb NOT NULL DEFAULT '{}';
