-- Appointments change after they are booked: the salon marks them completed, no-show or cancelled
-- (with a reason and who did it; automatic completion has no author), or moves them.

ALTER TABLE appointment
    ADD COLUMN status_reason      text,
    ADD COLUMN status_changed_at  timestamptz,
    ADD COLUMN status_changed_by  uuid;

-- Booked appointments that ended: what automatic completion looks for (across salons).
CREATE INDEX appointment_booked_ending ON appointment (ends_at) WHERE status = 'booked';

-- A salon's own settings; no row: the deployment's defaults.
CREATE TABLE salon_settings (
    tenant_id              uuid PRIMARY KEY REFERENCES tenant (id) ON DELETE CASCADE,
    -- Booked appointments that ended this many hours ago become completed, unless turned off
    -- (for salons whose visits another system marks).
    auto_complete          boolean NOT NULL DEFAULT true,
    auto_complete_after_h  integer NOT NULL DEFAULT 12
                           CHECK (auto_complete_after_h BETWEEN 0 AND 720),
    updated_at             timestamptz NOT NULL DEFAULT now()
);
