-- Own data (AVG/GDPR): profile changes, activity for the retention rule, anonymised accounts and the
-- log of what staff did with someone's personal data. See docs/decisions/011-own-data.md.

-- Last page load by the signed-in person; with created_at it decides "inactive" for the retention job.
alter table app_user add column last_seen_at timestamptz;
-- Set when the account was erased: the row stays (so completions and attendance keep counting) but holds
-- no name, address or password any more.
alter table app_user add column anonymised_at timestamptz;
-- The training variant the person chose on their profile; null: the one that fits their organisation's sector.
alter table app_user add column audience text check (audience in ('PROFESSIONAL', 'SHOP', 'CHURCH'));
create index app_user_inactive_idx on app_user (coalesce(last_seen_at, created_at)) where anonymised_at is null;

-- A requested e-mail change waits here until the link mailed to the new address is used (hash only).
create table email_change (
    user_id      bigint      primary key references app_user (id) on delete cascade,
    new_email    text        not null check (new_email ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$'),
    token_hash   text        not null unique,
    requested_at timestamptz not null,
    expires_at   timestamptz not null,
    check (expires_at > requested_at)
);

-- Who of the staff viewed, exported, changed or deleted whose personal data, when and from where.
-- No foreign keys on purpose: rows outlive both people, and hold only their ids.
create table personal_data_audit (
    id         bigint generated always as identity primary key,
    at         timestamptz not null,
    actor_id   bigint,
    subject_id bigint      not null,
    action     text        not null check (action in ('VIEWED', 'EXPORTED', 'DELETED', 'CHANGED')),
    detail     text        check (length(detail) <= 300),
    ip_address text        check (length(ip_address) <= 64)
);
create index personal_data_audit_subject_idx on personal_data_audit (subject_id, at desc);
create index personal_data_audit_at_idx on personal_data_audit (at desc);
