-- Campaigns (Prazo Certo, Encher Agenda), their schedule, and the WhatsApp sender's bookkeeping.

ALTER TABLE tenant ADD COLUMN n8n_webhook_url text;  -- per-salon override of the sender's URL

-- A salon's campaign times in its own time zone; no row means the default schedule.
CREATE TABLE campaign_schedule (
    tenant_id      uuid NOT NULL REFERENCES tenant (id) ON DELETE CASCADE,
    campaign_type  text NOT NULL CHECK (campaign_type IN ('prazo_certo', 'encher_agenda')),
    enabled        boolean NOT NULL DEFAULT true,
    local_time     time NOT NULL,
    weekdays       smallint[] NOT NULL,  -- 0 = Monday … 6 = Sunday
    updated_at     timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, campaign_type)
);

-- One row per campaign run; run_key makes a run idempotent (a scheduled run's key is
-- `schedule:<campaign>:<local date>`, so a salon's campaign runs at most once a day).
CREATE TABLE campaign_run (
    tenant_id      uuid NOT NULL REFERENCES tenant (id) ON DELETE CASCADE,
    id             uuid NOT NULL DEFAULT gen_random_uuid(),
    run_key        text NOT NULL,
    campaign_type  text NOT NULL CHECK (campaign_type IN ('prazo_certo', 'encher_agenda')),
    trigger        text NOT NULL CHECK (trigger IN ('schedule', 'manual', 'bulk')),
    local_date     date NOT NULL,
    context        jsonb NOT NULL,
    stats          jsonb NOT NULL,
    created_at     timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, run_key)
);
CREATE INDEX campaign_run_day ON campaign_run (tenant_id, campaign_type, local_date);

ALTER TABLE auth_request ADD COLUMN campaign_run_id uuid;
ALTER TABLE auth_request
    ADD FOREIGN KEY (tenant_id, campaign_run_id) REFERENCES campaign_run (tenant_id, id);

-- The sender claims queued rows with a lease, sends, then records the outcome through the
-- salon's actor. `not_before` holds marketing messages until the salon's send window opens.
ALTER TABLE outbound_message DROP CONSTRAINT outbound_message_status_check;
ALTER TABLE outbound_message
    ADD CONSTRAINT outbound_message_status_check
        CHECK (status IN ('queued', 'sent', 'failed', 'skipped')),
    ADD COLUMN campaign_run_id  uuid,
    ADD COLUMN not_before       timestamptz NOT NULL DEFAULT now(),
    ADD COLUMN next_attempt_at  timestamptz NOT NULL DEFAULT now(),
    ADD COLUMN claimed_until    timestamptz,
    ADD COLUMN last_error       text;
-- The sender scans all salons' queues at once: this index is not tenant-first on purpose.
CREATE INDEX outbound_message_due ON outbound_message (next_attempt_at) WHERE status = 'queued';
CREATE INDEX outbound_message_marketing
    ON outbound_message (tenant_id, client_id, created_at) WHERE kind = 'marketing';
