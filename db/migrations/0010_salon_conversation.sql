-- The chat agent holds a salon conversation: the salon's profile, the question it waits for an
-- answer to, and client messages that are not text.
--   salon_profile: the facts the chat tells clients (one row per salon, created when first
--     set). opening_hours NULL: derived from the professionals' working hours.
--   conversation.awaiting: the question the agent asked about the client's bookings ("confirma
--     o cancelamento?", "qual deles?"): {"kind": ..., "appointment_ids": [...]}, NULL: none.
--   chat_message.kind: WhatsApp's message type as n8n forwarded it (text, audio, image, video,
--     sticker, location, document, contacts, or any other type as received); media_id,
--     mime_type, filename, location (jsonb: latitude, longitude, name, address) describe it;
--     media_data holds a voice note's audio until it is answered (then NULL); transcript is
--     what the transcription heard.
--   salon_settings.transcribe_voice: voice notes are transcribed (Gemini) and answered.
CREATE TABLE salon_profile (
    tenant_id              uuid PRIMARY KEY REFERENCES tenant (id) ON DELETE CASCADE,
    address                text CHECK (length(address) BETWEEN 1 AND 300),
    maps_url               text CHECK (maps_url ~ '^https://\S+$' AND length(maps_url) <= 500),
    opening_hours          jsonb CHECK (opening_hours IS NULL OR jsonb_typeof(opening_hours) = 'array'),
    payment_methods        text[] NOT NULL DEFAULT '{}'
        CHECK (payment_methods <@ ARRAY['pix', 'credit_card', 'debit_card', 'cash', 'meal_voucher']),
    payment_notes          text CHECK (length(payment_notes) BETWEEN 1 AND 300),
    parking                text CHECK (length(parking) BETWEEN 1 AND 300),
    cancellation_policy    text CHECK (length(cancellation_policy) BETWEEN 1 AND 500),
    cancellation_window_h  integer CHECK (cancellation_window_h BETWEEN 1 AND 168),
    about                  text CHECK (length(about) BETWEEN 1 AND 500),
    updated_at             timestamptz NOT NULL DEFAULT now(),
    CHECK (cancellation_window_h IS NULL OR cancellation_policy IS NOT NULL)
);

ALTER TABLE conversation ADD COLUMN awaiting jsonb;

ALTER TABLE chat_message
    ADD COLUMN kind text NOT NULL DEFAULT 'text' CHECK (kind ~ '^[a-z_]{1,32}$'),
    ADD COLUMN media_id text,
    ADD COLUMN mime_type text,
    ADD COLUMN filename text,
    ADD COLUMN location jsonb,
    ADD COLUMN media_data bytea,
    ADD COLUMN transcript text;

ALTER TABLE salon_settings ADD COLUMN transcribe_voice boolean;
