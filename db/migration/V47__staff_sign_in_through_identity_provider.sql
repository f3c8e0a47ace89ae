-- Staff sign-in through the organisation's identity provider (OpenID Connect, decision 029).

-- Which account a provider's person ("sub" claim of the provider configured as `provider`) is. Made at the
-- first sign-in from the provider's verified e-mail address; later sign-ins go by the subject, so a changed
-- address at either side does not move the sign-in to another account.
create table security.provider_identity (
    provider        text        not null check (provider ~ '^[a-z0-9]{1,40}$'),
    subject         text        not null check (length(subject) between 1 and 255),
    user_id         bigint      not null references people.app_user (id) on delete cascade,
    linked_at       timestamptz not null,
    last_sign_in_at timestamptz not null,
    primary key (provider, subject),
    unique (provider, user_id)
);
create index provider_identity_user_idx on security.provider_identity (user_id);

-- Staff whose password and authenticator app an admin switched off: they sign in through their provider only.
create table security.password_switched_off (
    user_id    bigint      primary key references people.app_user (id) on delete cascade,
    at         timestamptz not null,
    changed_by bigint
);

-- The audit log also records a sign-in through a provider, with the provider's amr/acr claims.
alter table privacy.personal_data_audit drop constraint personal_data_audit_action_check,
    add constraint personal_data_audit_action_check
        check (action in ('VIEWED', 'EXPORTED', 'DELETED', 'CHANGED', 'SIGNED_IN'));
