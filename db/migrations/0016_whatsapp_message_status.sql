-- Meta reports some refusals only after it accepted a message: a `failed` status on the WhatsApp
-- webhook, naming the message by its WhatsApp id (wamid). The id of the accepted attempt is kept
-- to find the message again: a failed status sends it again (as its template, or a day later) or
-- fails it with Meta's reason, as the same code would have at send time.
-- `resends` counts those failures: each new attempt goes under its own Idempotency-Key (the
-- message id, then `:1`, `:2` …), else n8n would drop it as a repeat of the accepted one.
ALTER TABLE outbound_message
    ADD COLUMN whatsapp_message_id text,
    ADD COLUMN resends             integer NOT NULL DEFAULT 0;
CREATE INDEX outbound_message_whatsapp_id ON outbound_message (tenant_id, whatsapp_message_id)
    WHERE whatsapp_message_id IS NOT NULL;
