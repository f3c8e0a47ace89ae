-- Sign-in by e-mail link for participants: single use, short-lived, only the SHA-256 of the token is stored.
create table sign_in_link (
    id           bigint generated always as identity primary key,
    user_id      bigint      not null references app_user (id) on delete cascade,
    token_hash   text        not null unique,
    requested_at timestamptz not null,
    expires_at   timestamptz not null,
    used_at      timestamptz,
    check (expires_at > requested_at)
);
create index sign_in_link_open_idx on sign_in_link (user_id) where used_at is null;

-- Every link request, known address or not, for throttling per address and per IP.
create table sign_in_request (
    id           bigint generated always as identity primary key,
    email        text        not null,
    ip_address   text        not null,
    requested_at timestamptz not null
);
create index sign_in_request_email_idx on sign_in_request (email, requested_at);
create index sign_in_request_ip_idx on sign_in_request (ip_address, requested_at);
