-- Consent to marketing (LGPD and WhatsApp's policy): each grant or revocation recorded, with when,
-- where it came from and the words agreed to; a salon may send offers only to clients with an
-- active opt-in.
--   client_consent: the history, one row per grant or revocation (never updated).
--   client.marketing_consent_at: since when the client's opt-in is active (NULL: none).
--   salon_settings.require_marketing_consent: offers only to clients with an active opt-in
--     (NULL: the deployment's default, on). Salons that existed before keep sending as they did.
CREATE TABLE client_consent (
    tenant_id    uuid NOT NULL REFERENCES tenant (id) ON DELETE CASCADE,
    id           uuid NOT NULL DEFAULT gen_random_uuid(),
    client_id    uuid NOT NULL,
    purpose      text NOT NULL DEFAULT 'marketing' CHECK (purpose IN ('marketing')),
    granted      boolean NOT NULL,
    at           timestamptz NOT NULL,
    source       text NOT NULL CHECK (source IN ('import', 'chat', 'owner', 'whatsapp')),
    text         text,
    recorded_by  uuid,
    recorded_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, client_id) REFERENCES client (tenant_id, id)
);
CREATE INDEX client_consent_client ON client_consent (tenant_id, client_id, purpose, at);

ALTER TABLE client ADD COLUMN marketing_consent_at timestamptz;

ALTER TABLE salon_settings ADD COLUMN require_marketing_consent boolean;
INSERT INTO salon_settings (tenant_id, require_marketing_consent)
SELECT id, false FROM tenant
ON CONFLICT (tenant_id) DO UPDATE SET require_marketing_consent = false;
