-- Issue 22: a read-only figures API for a municipality's own dashboards (decision 031). A coalition lead creates
-- and revokes keys for their municipality; the key is shown once and only its SHA-256 hash is kept, like the
-- app's other tokens. Every creation, revocation and call is in api_key_event (the audit log of the API).
create schema if not exists api;

create table api.api_key (
    id              bigint generated always as identity primary key,
    municipality_id bigint      not null references people.municipality (id),
    label           text        not null check (length(trim(label)) between 2 and 100),
    key_hash        text        not null unique,
    -- The first characters of the key, so a lead can tell keys apart without the secret.
    key_prefix      text        not null,
    created_by      bigint      references people.app_user (id) on delete set null,
    created_at      timestamptz not null,
    revoked_by      bigint      references people.app_user (id) on delete set null,
    revoked_at      timestamptz,
    last_used_at    timestamptz
);
create index api_key_municipality_idx on api.api_key (municipality_id, created_at desc);

create table api.api_key_event (
    id         bigint generated always as identity primary key,
    key_id     bigint      not null references api.api_key (id),
    at         timestamptz not null,
    action     text        not null check (action in ('CREATED', 'REVOKED', 'CALLED', 'RATE_LIMITED')),
    actor_id   bigint      references people.app_user (id) on delete set null,
    ip_address text,
    -- For a call: method, path and HTTP status ("GET /api/v1/municipalities/1/figures 200").
    detail     text
);
create index api_key_event_key_idx on api.api_key_event (key_id, at desc);

-- The API is rate-limited per key by the one throttle (security.throttle_event).
alter table security.throttle_event drop constraint throttle_event_kind_check;
alter table security.throttle_event add constraint throttle_event_kind_check
    check (kind in ('LOGIN', 'SIGN_IN_LINK', 'VERIFY', 'API'));
