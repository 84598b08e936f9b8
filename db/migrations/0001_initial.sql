-- Agenda Cheia: the first schema. Forward-only; never edit after it lands.
-- Every tenant table carries tenant_id first in its keys. Ids are uuid, filled by the database
-- (Prisma's @default(uuid()) only fills them in its client).

CREATE EXTENSION IF NOT EXISTS btree_gist;

CREATE TABLE tenant (
    id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    slug            text NOT NULL UNIQUE,
    name            text NOT NULL,
    time_zone       text NOT NULL DEFAULT 'America/Sao_Paulo',
    last_event_id   bigint NOT NULL DEFAULT 0,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE app_user (
    tenant_id   uuid NOT NULL REFERENCES tenant (id) ON DELETE CASCADE,
    id          uuid NOT NULL DEFAULT gen_random_uuid(),
    name        text NOT NULL,
    email       text NOT NULL,
    role        text NOT NULL CHECK (role IN ('owner', 'staff')),
    created_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    UNIQUE (id),
    UNIQUE (tenant_id, email)
);

CREATE TABLE professional (
    tenant_id   uuid NOT NULL REFERENCES tenant (id) ON DELETE CASCADE,
    id          uuid NOT NULL DEFAULT gen_random_uuid(),
    name        text NOT NULL,
    active      boolean NOT NULL DEFAULT true,
    created_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id)
);

CREATE TABLE service (
    tenant_id          uuid NOT NULL REFERENCES tenant (id) ON DELETE CASCADE,
    id                 uuid NOT NULL DEFAULT gen_random_uuid(),
    name               text NOT NULL,
    duration_min       integer NOT NULL CHECK (duration_min > 0 AND duration_min <= 600),
    price_cents        integer NOT NULL CHECK (price_cents >= 0),
    return_cycle_days  integer CHECK (return_cycle_days > 0),
    active             boolean NOT NULL DEFAULT true,
    created_at         timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id)
);

CREATE TABLE professional_service (
    tenant_id        uuid NOT NULL,
    professional_id  uuid NOT NULL,
    service_id       uuid NOT NULL,
    PRIMARY KEY (tenant_id, professional_id, service_id),
    FOREIGN KEY (tenant_id, professional_id) REFERENCES professional (tenant_id, id) ON DELETE CASCADE,
    FOREIGN KEY (tenant_id, service_id) REFERENCES service (tenant_id, id) ON DELETE CASCADE
);

CREATE TABLE working_hours (
    tenant_id        uuid NOT NULL,
    id               uuid NOT NULL DEFAULT gen_random_uuid(),
    professional_id  uuid NOT NULL,
    weekday          smallint NOT NULL CHECK (weekday BETWEEN 0 AND 6),  -- 0 = Monday
    start_time       time NOT NULL,
    end_time         time NOT NULL CHECK (end_time > start_time),
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, professional_id) REFERENCES professional (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX working_hours_professional ON working_hours (tenant_id, professional_id, weekday);

CREATE TABLE client (
    tenant_id          uuid NOT NULL REFERENCES tenant (id) ON DELETE CASCADE,
    id                 uuid NOT NULL DEFAULT gen_random_uuid(),
    name               text NOT NULL,
    phone_e164         text NOT NULL CHECK (phone_e164 ~ '^\+[1-9][0-9]{7,14}$'),
    whatsapp_id        text,
    marketing_opt_out  boolean NOT NULL DEFAULT false,
    created_at         timestamptz NOT NULL DEFAULT now(),
    updated_at         timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, phone_e164)
);
CREATE INDEX client_name ON client (tenant_id, name, id);

CREATE TABLE auth_request (
    tenant_id         uuid NOT NULL REFERENCES tenant (id) ON DELETE CASCADE,
    id                uuid NOT NULL DEFAULT gen_random_uuid(),
    command_id        text NOT NULL,
    status            text NOT NULL DEFAULT 'pending'
                      CHECK (status IN ('pending', 'approved', 'rejected')),
    created_by_agent  text NOT NULL
                      CHECK (created_by_agent IN ('prazo_certo', 'encher_agenda', 'chat', 'manual')),
    client_id         uuid NOT NULL,
    professional_id   uuid NOT NULL,
    service_id        uuid NOT NULL,
    starts_at         timestamptz NOT NULL,
    ends_at           timestamptz NOT NULL,
    appointment_data  jsonb NOT NULL,
    decided_at        timestamptz,
    decided_by        uuid,
    notes             text,
    appointment_id    uuid,
    created_at        timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, command_id),
    FOREIGN KEY (tenant_id, client_id) REFERENCES client (tenant_id, id),
    FOREIGN KEY (tenant_id, professional_id) REFERENCES professional (tenant_id, id),
    FOREIGN KEY (tenant_id, service_id) REFERENCES service (tenant_id, id)
);
CREATE INDEX auth_request_pending ON auth_request (tenant_id, created_at) WHERE status = 'pending';

CREATE TABLE appointment (
    tenant_id         uuid NOT NULL REFERENCES tenant (id) ON DELETE CASCADE,
    id                uuid NOT NULL DEFAULT gen_random_uuid(),
    client_id         uuid NOT NULL,
    professional_id   uuid NOT NULL,
    service_id        uuid NOT NULL,
    starts_at         timestamptz NOT NULL,
    ends_at           timestamptz NOT NULL CHECK (ends_at > starts_at),
    status            text NOT NULL DEFAULT 'booked'
                      CHECK (status IN ('booked', 'completed', 'cancelled', 'no_show')),
    price_cents       integer NOT NULL CHECK (price_cents >= 0),
    source            text NOT NULL DEFAULT 'manual'
                      CHECK (source IN ('import', 'auth_request', 'manual')),
    auth_request_id   uuid,
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, auth_request_id),
    FOREIGN KEY (tenant_id, client_id) REFERENCES client (tenant_id, id),
    FOREIGN KEY (tenant_id, professional_id) REFERENCES professional (tenant_id, id),
    FOREIGN KEY (tenant_id, service_id) REFERENCES service (tenant_id, id),
    FOREIGN KEY (tenant_id, auth_request_id) REFERENCES auth_request (tenant_id, id),
    -- One professional is never in two places at once, whatever path writes.
    CONSTRAINT appointment_no_overlap EXCLUDE USING gist (
        tenant_id WITH =,
        professional_id WITH =,
        tstzrange(starts_at, ends_at, '[)') WITH &&
    ) WHERE (status <> 'cancelled')
);
CREATE INDEX appointment_range ON appointment (tenant_id, starts_at);
CREATE INDEX appointment_client ON appointment (tenant_id, client_id, starts_at);

-- Outbox of events: written in the same transaction as the change it reports.
CREATE TABLE event (
    tenant_id     uuid NOT NULL REFERENCES tenant (id) ON DELETE CASCADE,
    event_id      bigint NOT NULL CHECK (event_id > 0),
    event_type    text NOT NULL,
    occurred_at   timestamptz NOT NULL,
    data          jsonb NOT NULL,
    published_at  timestamptz,
    PRIMARY KEY (tenant_id, event_id)
);
CREATE INDEX event_unpublished ON event (tenant_id, event_id) WHERE published_at IS NULL;

-- Outbox of WhatsApp messages to clients; a sender (through n8n) delivers them.
CREATE TABLE outbound_message (
    tenant_id      uuid NOT NULL REFERENCES tenant (id) ON DELETE CASCADE,
    id             uuid NOT NULL DEFAULT gen_random_uuid(),
    client_id      uuid NOT NULL,
    kind           text NOT NULL CHECK (kind IN ('marketing', 'transactional')),
    channel        text NOT NULL DEFAULT 'whatsapp',
    body           text NOT NULL,
    status         text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'sent', 'failed')),
    attempts       integer NOT NULL DEFAULT 0,
    related_id     uuid,
    created_at     timestamptz NOT NULL DEFAULT now(),
    sent_at        timestamptz,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, client_id) REFERENCES client (tenant_id, id)
);
CREATE INDEX outbound_message_queued ON outbound_message (tenant_id, created_at) WHERE status = 'queued';
