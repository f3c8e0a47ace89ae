-- Staff second factor (TOTP), recovery codes, remember-me tokens and "sign out everywhere".

-- A staff member's authenticator secret, encrypted with the key from OMZIEN_TOTP_KEY (AES-GCM).
-- last_used_step: the 30-second time step of the last accepted code, so a code works only once.
create table staff_totp (
    user_id          bigint      primary key references app_user (id) on delete cascade,
    secret_encrypted text        not null,
    enabled_at       timestamptz not null,
    last_used_step   bigint      not null default 0
);

-- Single-use codes for when the phone is lost; only their SHA-256 is stored.
create table staff_recovery_code (
    id         bigint generated always as identity primary key,
    user_id    bigint      not null references app_user (id) on delete cascade,
    code_hash  text        not null,
    created_at timestamptz not null,
    used_at    timestamptz,
    unique (user_id, code_hash)
);

-- Remember-me on a personal device (Spring Security's persistent tokens), keyed by account rather than
-- e-mail so a changed address keeps working and deleting the account deletes its tokens. Only the
-- SHA-256 of the token value is stored; the series is an identifier, not a secret on its own.
create table remember_me_token (
    series     text        primary key,
    user_id    bigint      not null references app_user (id) on delete cascade,
    token_hash text        not null,
    last_used  timestamptz not null
);
create index remember_me_token_user_idx on remember_me_token (user_id);

-- "Sign out everywhere": sessions that signed in before this moment are no longer accepted.
create table signed_out_everywhere (
    user_id bigint      primary key references app_user (id) on delete cascade,
    at      timestamptz not null
);

-- The "remember me" choice made when asking for an e-mail sign-in link, applied when the link is used.
alter table sign_in_link add column remember_me boolean not null default false;
