-- The client's side of an auth request, apart from the owner's decision:
--   proposed  an agent's proposal the client was not asked about (approving books it);
--   requested the client asked for it in the chat (approving books it);
--   offered   a campaign offer sent to the client, not answered yet (approving pre-approves it:
--             the booking is made when the client says "sim");
--   accepted  the client said "sim"; declined: "não"; expired: not answered in time or its time
--             passed; withdrawn: another booking took its time.
-- A request the client's side ended is `closed` (no longer pending, its time and client free).

ALTER TABLE auth_request DROP CONSTRAINT auth_request_status_check;
ALTER TABLE auth_request
    ADD CONSTRAINT auth_request_status_check
        CHECK (status IN ('pending', 'approved', 'rejected', 'closed')),
    ADD COLUMN client_state     text NOT NULL DEFAULT 'proposed'
        CHECK (client_state IN
               ('proposed', 'requested', 'offered', 'accepted', 'declined', 'expired', 'withdrawn')),
    ADD COLUMN client_state_at  timestamptz,
    ADD COLUMN expires_at       timestamptz,
    ADD COLUMN preapproved_at   timestamptz,
    ADD COLUMN preapproved_by   uuid;

UPDATE auth_request SET client_state = 'offered' WHERE campaign_run_id IS NOT NULL;
UPDATE auth_request SET client_state = 'requested' WHERE created_by_agent = 'chat';

-- Pending requests whose offer or time runs out: what the scheduler closes (across salons).
CREATE INDEX auth_request_pending_until ON auth_request (starts_at) WHERE status = 'pending';

ALTER TABLE salon_settings
    ADD COLUMN offer_expiry_h integer NOT NULL DEFAULT 24 CHECK (offer_expiry_h BETWEEN 1 AND 168);
