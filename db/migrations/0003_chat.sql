-- The chat agent: one conversation per client, every message kept, inbound deliveries deduplicated.

CREATE TABLE conversation (
    tenant_id        uuid NOT NULL REFERENCES tenant (id) ON DELETE CASCADE,
    id               uuid NOT NULL DEFAULT gen_random_uuid(),
    client_id        uuid NOT NULL,
    channel          text NOT NULL DEFAULT 'whatsapp',
    -- Slots the agent proposed last, so "o primeiro" or "pode ser" can pick one.
    proposed_slots   jsonb NOT NULL DEFAULT '[]',
    created_at       timestamptz NOT NULL DEFAULT now(),
    last_message_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, client_id, channel),
    FOREIGN KEY (tenant_id, client_id) REFERENCES client (tenant_id, id)
);
CREATE INDEX conversation_recent ON conversation (tenant_id, last_message_at DESC);

CREATE TABLE chat_message (
    tenant_id        uuid NOT NULL REFERENCES tenant (id) ON DELETE CASCADE,
    id               uuid NOT NULL DEFAULT gen_random_uuid(),
    conversation_id  uuid NOT NULL,
    direction        text NOT NULL CHECK (direction IN ('inbound', 'outbound')),
    author           text NOT NULL CHECK (author IN ('client', 'agent', 'owner')),
    body             text NOT NULL,
    -- inbound: 'pending' until the agent answered it (resumed after a restart), then 'answered'.
    status           text NOT NULL DEFAULT 'answered' CHECK (status IN ('pending', 'answered')),
    intent           text,
    engine           text CHECK (engine IN ('gemini', 'rules')),
    external_id      text,          -- WhatsApp message id, as n8n sent it
    webhook_id       text,          -- Standard Webhooks `webhook-id` of the delivery
    auth_request_id  uuid,          -- a booking this message created or accepted
    sent_at          timestamptz,   -- when the client wrote it (inbound), from n8n's timestamp
    created_at       timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, conversation_id) REFERENCES conversation (tenant_id, id)
);
CREATE INDEX chat_message_conversation ON chat_message (tenant_id, conversation_id, created_at);
CREATE INDEX chat_message_pending ON chat_message (tenant_id, created_at) WHERE status = 'pending';
-- The same WhatsApp message, or the same webhook delivery, is processed once.
CREATE UNIQUE INDEX chat_message_external ON chat_message (tenant_id, external_id)
    WHERE external_id IS NOT NULL;
CREATE UNIQUE INDEX chat_message_webhook ON chat_message (tenant_id, webhook_id)
    WHERE webhook_id IS NOT NULL;
