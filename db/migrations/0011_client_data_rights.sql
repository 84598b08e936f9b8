-- LGPD: a client's data can be exported and erased, and chats are kept for a limited time.
--   client.erased_at: when the client's personal data was erased (name replaced, phone and
--     WhatsApp id removed); the row stays so the salon's appointments keep their client.
--   client_data_request: who exported or erased a client's data, and when (the audit trail).
--   salon_settings.chat_retention_months: chat messages older than this are deleted (NULL: the
--     deployment's default, 12).
ALTER TABLE client ALTER COLUMN phone_e164 DROP NOT NULL;
ALTER TABLE client ADD COLUMN erased_at timestamptz;
ALTER TABLE client ADD CONSTRAINT client_phone_unless_erased
    CHECK (phone_e164 IS NOT NULL OR erased_at IS NOT NULL);

CREATE TABLE client_data_request (
    tenant_id     uuid NOT NULL REFERENCES tenant (id) ON DELETE CASCADE,
    id            uuid NOT NULL DEFAULT gen_random_uuid(),
    client_id     uuid NOT NULL,
    action        text NOT NULL CHECK (action IN ('export', 'erase')),
    requested_by  uuid,
    at            timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, client_id) REFERENCES client (tenant_id, id)
);
CREATE INDEX client_data_request_client ON client_data_request (tenant_id, client_id, at);

ALTER TABLE salon_settings
    ADD COLUMN chat_retention_months integer CHECK (chat_retention_months BETWEEN 1 AND 120);
