-- Invite links (see docs/decisions/010-invite-links.md). An organisation's link lets someone register as a
-- participant of that organisation; a session's link also signs them up for that session. The token is
-- kept readable so staff can show and print the link again; rotating replaces it.
create table organisation_invite (
    organisation_id bigint      primary key references organisation (id) on delete cascade,
    token           text        not null unique check (token ~ '^[A-Za-z0-9_-]{43}$'),
    created_at      timestamptz not null,
    created_by      bigint      references app_user (id) on delete set null
);

create table session_invite (
    session_id bigint      primary key references training_session (id) on delete cascade,
    token      text        not null unique check (token ~ '^[A-Za-z0-9_-]{43}$'),
    created_at timestamptz not null,
    created_by bigint      references app_user (id) on delete set null
);

-- Consent to the privacy statement, given when registering through an invite: which version, when.
create table privacy_consent (
    user_id           bigint      not null references app_user (id) on delete cascade,
    statement_version text        not null,
    given_at          timestamptz not null,
    primary key (user_id, statement_version)
);

-- A session sign-up asked for on a session's invite form. It is carried out once the person has
-- confirmed their address by signing in with the mailed link, so nobody is booked with someone else's address.
create table pending_session_signup (
    user_id      bigint      not null references app_user (id) on delete cascade,
    session_id   bigint      not null references training_session (id) on delete cascade,
    requested_at timestamptz not null,
    primary key (user_id, session_id)
);
