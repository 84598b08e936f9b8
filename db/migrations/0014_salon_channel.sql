-- Each salon's own WhatsApp channel: its number at Meta, its n8n's signing secret and token
-- (encrypted with the deployment's AGENDA_SECRETS_KEY, never stored in clear), and its budget of
-- clients reached by templates per rolling 24 h (Meta's limits belong to the business portfolio:
-- one salon's campaign must not use up another's). The salon's own n8n URL stays in
-- tenant.n8n_webhook_url.
CREATE TABLE salon_channel (
    tenant_id                 uuid PRIMARY KEY REFERENCES tenant (id) ON DELETE CASCADE,
    phone_number_id           text CHECK (phone_number_id ~ '^[0-9]{5,30}$'),
    webhook_secret_sealed     bytea,
    auth_token_sealed         bytea,
    daily_quota               integer CHECK (daily_quota BETWEEN 1 AND 1000000),
    updated_at                timestamptz NOT NULL DEFAULT now()
);

-- Templates sent per salon in the last 24 h (the quota's count).
CREATE INDEX outbound_message_templates_sent ON outbound_message (tenant_id, sent_at)
    WHERE sent_as = 'template';
