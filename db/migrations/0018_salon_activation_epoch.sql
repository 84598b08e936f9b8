-- One live agenda per salon. Activating a salon's actor takes the next `active_epoch`; every commit
-- of that actor checks (under the tenant row's lock) that the epoch is still its own. A salon routed
-- to a second host (a placement change, a rolling deploy, the scheduler on an older placement)
-- takes the epoch there: the first actor's next command finds it moved, drops its memory and is
-- retried, so at any moment only one agenda of a salon stores anything.
ALTER TABLE tenant ADD COLUMN active_epoch bigint NOT NULL DEFAULT 0;

-- Taking the epoch is not a change of the salon's data: it leaves data_version alone.
CREATE OR REPLACE FUNCTION agenda_bump_tenant_version() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF (to_jsonb(NEW) - 'last_event_id' - 'data_version' - 'active_epoch')
       IS DISTINCT FROM (to_jsonb(OLD) - 'last_event_id' - 'data_version' - 'active_epoch') THEN
        NEW.data_version := OLD.data_version + 1;
    END IF;
    RETURN NEW;
END
$$;
