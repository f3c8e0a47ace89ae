-- Where people in a municipality can be referred to (module "doorverwijzen"): kept by the coalition lead.

create table local_contact (
    id              bigint generated always as identity primary key,
    municipality_id bigint      not null references municipality (id) on delete cascade,
    kind            text        not null check (kind in (
                        'SIGNAL_POINT', 'WELFARE', 'NEIGHBOURHOOD_TEAM', 'BUDDY_PROJECT',
                        'WELFARE_ON_PRESCRIPTION', 'OTHER')),
    name            text        not null check (length(trim(name)) between 2 and 150),
    offer           text        not null check (length(trim(offer)) between 2 and 500),
    phone           text        check (phone is null or length(phone) <= 30),
    email           text        check (email is null or email ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$'),
    website         text        check (website is null or website ~ '^https?://'),
    opening_hours   text        check (opening_hours is null or length(opening_hours) <= 200),
    -- Demo contacts are examples, not real services: shown with a "voorbeeld" label until a lead saves them.
    example         boolean     not null default false,
    updated_at      timestamptz not null,
    updated_by      bigint      references app_user (id) on delete set null
);
create index local_contact_municipality_idx on local_contact (municipality_id, kind, lower(name));
