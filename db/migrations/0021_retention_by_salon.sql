-- migrate: no transaction
-- The hourly retention purge finds what is past each salon's retention salon by salon, oldest
-- first, in these indexes (db/client_rights.py): it read the whole of chat_message,
-- outbound_message and event on every pass (2.2 s an hour over 5M rows; those tables only
-- grow). The two partial ones hold only what still has words to blank, so a row leaves them
-- when blanked and a pass reads only its own work. Built concurrently: the tables are the
-- largest, and every salon writes events while an index builds.
DROP INDEX CONCURRENTLY IF EXISTS chat_message_created;
CREATE INDEX CONCURRENTLY chat_message_created ON chat_message (tenant_id, created_at);
DROP INDEX CONCURRENTLY IF EXISTS outbound_message_words;
CREATE INDEX CONCURRENTLY outbound_message_words ON outbound_message (tenant_id, created_at)
    WHERE body <> '' OR template_params <> '{}';
DROP INDEX CONCURRENTLY IF EXISTS event_words;
CREATE INDEX CONCURRENTLY event_words ON event (tenant_id, occurred_at)
    WHERE data ->> 'message' <> '';
