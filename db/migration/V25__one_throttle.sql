-- One throttle for everything a stranger can repeat (password and code sign-ins, sign-in link requests,
-- certificate lookups): one table in security's schema, one implementation (security's Throttle). The
-- two tables it replaces are copied in, so a person's own-data export keeps their history.
create table security.throttle_event (
    id          bigint generated always as identity primary key,
    kind        text        not null check (kind in ('LOGIN', 'SIGN_IN_LINK', 'VERIFY')),
    subject     text,                   -- the e-mail address tried or asked for; null when the limit is per address only
    ip_address  text        not null,
    at          timestamptz not null,
    counts      boolean     not null    -- false: succeeded or found, so it does not count towards a limit
);
create index throttle_event_subject_idx on security.throttle_event (kind, lower(subject), at);
create index throttle_event_ip_idx on security.throttle_event (kind, ip_address, at);

insert into security.throttle_event (kind, subject, ip_address, at, counts)
select 'LOGIN', lower(email), ip_address, attempted_at, not succeeded from security.login_attempt;
insert into security.throttle_event (kind, subject, ip_address, at, counts)
select 'SIGN_IN_LINK', email, ip_address, requested_at, true from onboarding.sign_in_request;

drop table security.login_attempt;
drop table onboarding.sign_in_request;
