-- Every write to what a salon's actor keeps in memory bumps tenant.data_version, whoever makes it
-- (the actor itself, the salon import, the customer's Prisma services, an operator's SQL). The
-- actor checks the version each time it takes the salon's lock and reloads when another writer
-- moved it, and its commit refuses to store over a version it has not seen.
ALTER TABLE tenant ADD COLUMN data_version bigint NOT NULL DEFAULT 0;

-- One bump per statement and salon it touched (transition tables: a bulk statement costs one).
CREATE FUNCTION agenda_bump_data_version() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    UPDATE tenant SET data_version = data_version + 1
    WHERE id IN (SELECT DISTINCT tenant_id FROM changed_rows);
    RETURN NULL;
END
$$;

DO $$
DECLARE
    watched text;
BEGIN
    FOREACH watched IN ARRAY ARRAY['professional', 'professional_service', 'service',
                                   'working_hours', 'client', 'appointment', 'auth_request',
                                   'salon_settings', 'salon_profile']
    LOOP
        EXECUTE format('CREATE TRIGGER %I AFTER INSERT ON %I REFERENCING NEW TABLE AS changed_rows'
                       ' FOR EACH STATEMENT EXECUTE FUNCTION agenda_bump_data_version()',
                       watched || '_version_insert', watched);
        EXECUTE format('CREATE TRIGGER %I AFTER UPDATE ON %I REFERENCING NEW TABLE AS changed_rows'
                       ' FOR EACH STATEMENT EXECUTE FUNCTION agenda_bump_data_version()',
                       watched || '_version_update', watched);
        EXECUTE format('CREATE TRIGGER %I AFTER DELETE ON %I REFERENCING OLD TABLE AS changed_rows'
                       ' FOR EACH STATEMENT EXECUTE FUNCTION agenda_bump_data_version()',
                       watched || '_version_delete', watched);
    END LOOP;
END
$$;

-- The salon's own row: any change but the event counter and the version itself (name, time zone).
CREATE FUNCTION agenda_bump_tenant_version() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF (to_jsonb(NEW) - 'last_event_id' - 'data_version')
       IS DISTINCT FROM (to_jsonb(OLD) - 'last_event_id' - 'data_version') THEN
        NEW.data_version := OLD.data_version + 1;
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER tenant_version BEFORE UPDATE ON tenant
    FOR EACH ROW EXECUTE FUNCTION agenda_bump_tenant_version();
