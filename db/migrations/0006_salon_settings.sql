-- Each salon's own settings for its campaigns, reminders and days off. A column left NULL follows
-- the deployment's default (AGENDA_* settings), so a default changed later reaches every salon
-- that did not choose otherwise. The first three become "NULL: the default" too.
ALTER TABLE salon_settings
    ALTER COLUMN auto_complete DROP NOT NULL,
    ALTER COLUMN auto_complete DROP DEFAULT,
    ALTER COLUMN auto_complete_after_h DROP NOT NULL,
    ALTER COLUMN auto_complete_after_h DROP DEFAULT,
    ALTER COLUMN offer_expiry_h DROP NOT NULL,
    ALTER COLUMN offer_expiry_h DROP DEFAULT,
    -- Marketing leaves only inside [start, end) of the salon's local day.
    ADD COLUMN send_window_start           time,
    ADD COLUMN send_window_end             time,
    -- A client gets at most one campaign offer every this many days.
    ADD COLUMN frequency_cap_days          integer CHECK (frequency_cap_days BETWEEN 0 AND 90),
    -- Each campaign's default discount in percent (0: none), scheduled runs included.
    ADD COLUMN prazo_certo_discount_pct    integer CHECK (prazo_certo_discount_pct BETWEEN 0 AND 100),
    ADD COLUMN encher_agenda_discount_pct  integer
        CHECK (encher_agenda_discount_pct BETWEEN 0 AND 100),
    -- Reminders this many hours before each booking (0: none); the second is nearer the visit.
    ADD COLUMN reminder_lead_h             integer CHECK (reminder_lead_h BETWEEN 0 AND 168),
    ADD COLUMN second_reminder_lead_h      integer CHECK (second_reminder_lead_h BETWEEN 0 AND 168),
    -- Days the salon is closed (holidays): nothing is offered or booked on them.
    ADD COLUMN closed_days                 date[] NOT NULL DEFAULT '{}',
    ADD CONSTRAINT salon_settings_send_window
        CHECK (send_window_start IS NULL OR send_window_end IS NULL
               OR send_window_start < send_window_end);

-- Chat bookings stored between migration 0005 and the fix that made them 'requested'.
UPDATE auth_request SET client_state = 'requested'
WHERE created_by_agent = 'chat' AND client_state = 'proposed';
