-- Issue 20, part C: trainings on request. An organisation contact (signed in) or anyone through the public form
-- asks the municipality's coalition for a group training; the lead assigns a qualified trainer, the trainer
-- proposes a date, and accepting it (lead, or requester through a mailed link) plans a closed session for the
-- organisation. See decision 024.
create schema if not exists requests;

create table requests.training_request (
    id                  bigint generated always as identity primary key,
    municipality_id     bigint      not null references people.municipality (id),
    -- Known when an organisation contact asked, or once the lead links the request to an organisation.
    organisation_id     bigint      references people.organisation (id),
    organisation_name   text        not null check (length(organisation_name) between 2 and 150),
    audience            text        not null check (audience in ('PROFESSIONAL', 'SHOP', 'CHURCH')),
    people_count        integer     not null check (people_count between 1 and 500),
    preferred_periods   text        not null check (length(preferred_periods) between 2 and 500),
    place               text        not null check (length(place) between 2 and 300),
    remarks             text        check (length(remarks) <= 2000),
    contact_name        text        not null check (length(contact_name) between 2 and 100),
    contact_email       text        not null check (length(contact_email) <= 254),
    locale              text        not null check (locale in ('nl', 'en')),
    requester_id        bigint      references people.app_user (id) on delete set null,
    -- Over the per-IP limit of the public form: kept for the lead, but no mail went out (decision 024).
    held                boolean     not null default false,
    ip_address          text        check (length(ip_address) <= 64),
    status              text        not null default 'NEW' check (status in ('NEW', 'ASSIGNED', 'PLANNED', 'DECLINED')),
    decline_reason      text        check (length(decline_reason) <= 1000),
    trainer_id          bigint      references people.app_user (id) on delete set null,
    proposed_starts_at  timestamptz,
    proposed_ends_at    timestamptz,
    proposed_place      text        check (length(proposed_place) <= 300),
    -- The requester's link to accept the proposal: only its SHA-256 is kept.
    accept_token_hash   text        unique,
    session_id          bigint      references sessions.training_session (id) on delete set null,
    received_at         timestamptz not null,
    -- The last time the coalition answered (assigned, proposed, declined, planned): the 10-working-day clock.
    answered_at         timestamptz,
    -- Optimistic lock: two leads acting on the same request at once, one wins.
    version             integer     not null default 0,
    check (status <> 'DECLINED' or decline_reason is not null),
    check ((proposed_starts_at is null) = (proposed_ends_at is null))
);
create index training_request_municipality_idx on requests.training_request (municipality_id, status, received_at);

-- Every step of a request, in order: the request's audit log.
create table requests.request_event (
    id          bigint generated always as identity primary key,
    request_id  bigint      not null references requests.training_request (id) on delete cascade,
    at          timestamptz not null,
    actor_id    bigint      references people.app_user (id) on delete set null,
    action      text        not null check (action in ('RECEIVED', 'HELD', 'ASSIGNED', 'PROPOSED', 'PLANNED', 'DECLINED')),
    detail      text        check (length(detail) <= 300)
);
create index request_event_request_idx on requests.request_event (request_id, id);
