-- Municipalities, organisations and the people who use Omzien.

create table municipality (
    id          bigint generated always as identity primary key,
    name        text        not null check (length(trim(name)) between 2 and 100),
    created_at  timestamptz not null default now()
);
create unique index municipality_name_uk on municipality (lower(name));

create table organisation (
    id              bigint generated always as identity primary key,
    municipality_id bigint      not null references municipality (id),
    name            text        not null check (length(trim(name)) between 2 and 150),
    sector          text        not null check (sector in (
                        'HOME_CARE', 'GP_PRACTICE', 'SOCIAL_WORK', 'MUNICIPALITY',
                        'HAIRDRESSER', 'SUPERMARKET', 'BAKERY', 'PHARMACY', 'CAFE', 'SHOP', 'LIBRARY',
                        'CHURCH', 'VOLUNTEER')),
    contact_email   text        check (contact_email is null or contact_email ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$'),
    village         text,
    created_at      timestamptz not null default now()
);
create unique index organisation_name_per_municipality_uk on organisation (municipality_id, lower(name));

create table app_user (
    id              bigint generated always as identity primary key,
    email           text        not null check (email ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$'),
    full_name       text        not null check (length(trim(full_name)) between 2 and 150),
    password_hash   text,
    organisation_id bigint      references organisation (id),
    -- Staff (trainer, coalition lead) belong to a municipality; participants get theirs from the organisation.
    municipality_id bigint      references municipality (id),
    locale          text        not null default 'nl' check (locale in ('nl', 'en')),
    enabled         boolean     not null default true,
    created_at      timestamptz not null default now()
);
create unique index app_user_email_uk on app_user (lower(email));
create index app_user_organisation_idx on app_user (organisation_id);

create table user_role (
    user_id bigint not null references app_user (id) on delete cascade,
    role    text   not null check (role in ('PARTICIPANT', 'ORG_CONTACT', 'TRAINER', 'COALITION_LEAD', 'ADMIN')),
    primary key (user_id, role)
);

-- Every sign-in attempt, for throttling per account and per IP address.
create table login_attempt (
    id           bigint generated always as identity primary key,
    email        text        not null,
    ip_address   text        not null,
    succeeded    boolean     not null,
    attempted_at timestamptz not null
);
create index login_attempt_email_idx on login_attempt (lower(email), attempted_at);
create index login_attempt_ip_idx on login_attempt (ip_address, attempted_at);
