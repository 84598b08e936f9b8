-- A person of the salon takes a conversation over: the agent stops answering it.
--   conversation.paused_until: until when the agent leaves the conversation to the salon (the
--     client asked for a person, complained, or the salon wrote in it); NULL or past: the agent
--     answers. paused_reason says why.
--   chat_message.status 'held': a client's message that arrived while the conversation was
--     paused, stored and shown to the salon, never answered by the agent.
--   salon_settings.handoff_resume_h: hours after which a paused conversation goes back to the
--     agent by itself (NULL: the deployment's default).
ALTER TABLE conversation
    ADD COLUMN paused_until timestamptz,
    ADD COLUMN paused_reason text
        CHECK (paused_reason IN ('client_asked', 'complaint', 'owner_replied'));
ALTER TABLE chat_message DROP CONSTRAINT chat_message_status_check;
ALTER TABLE chat_message
    ADD CONSTRAINT chat_message_status_check CHECK (status IN ('pending', 'answered', 'held'));
ALTER TABLE salon_settings
    ADD COLUMN handoff_resume_h integer CHECK (handoff_resume_h BETWEEN 1 AND 168);
