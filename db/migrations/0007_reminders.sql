-- Reminders before each booking, and the client's answers to them.
--   outbound_message.kind 'reminder': a transactional message sent at `not_before` (a salon-set
--     time before the visit), about the appointment in `related_id`; never sent once that
--     appointment is no longer booked or has started.
--   appointment.client_confirmed_at: the client answered "confirmo" (or "sim") to a reminder.
--   auth_request.replaces_appointment_id: a client's "remarcar": approving the request moves
--     that appointment to the request's time instead of booking a second one.
ALTER TABLE outbound_message DROP CONSTRAINT outbound_message_kind_check;
ALTER TABLE outbound_message
    ADD CONSTRAINT outbound_message_kind_check
        CHECK (kind IN ('marketing', 'transactional', 'reminder'));
CREATE INDEX outbound_message_reminders
    ON outbound_message (tenant_id, related_id) WHERE kind = 'reminder' AND status = 'queued';

ALTER TABLE appointment ADD COLUMN client_confirmed_at timestamptz;

-- (No foreign key, like appointment_id: the link the database enforces is appointment's.)
ALTER TABLE auth_request ADD COLUMN replaces_appointment_id uuid;
