-- Group sessions: trainers plan them, participants sign up with a capacity and a first-come-first-served
-- waitlist, trainers record attendance. The seat count is enforced here, not only in Java.

create table training_session (
    id                    bigint generated always as identity primary key,
    -- Occurrences created together as a series share the id of the first one; reschedules stay in a series.
    series_id             bigint,
    title                 text        not null check (length(trim(title)) between 2 and 150),
    module_ids            text[]      not null default '{}',
    -- Null: for everyone; otherwise the training variant the session is meant for.
    audience              text        check (audience in ('PROFESSIONAL', 'SHOP', 'CHURCH')),
    starts_at             timestamptz not null,
    ends_at               timestamptz not null,
    location              text        check (length(location) <= 300),
    online_url            text        check (online_url ~ '^https://[^\s]+$'),
    capacity              int         not null check (capacity between 1 and 500),
    min_participants      int         check (min_participants >= 1),
    -- Days before the start at which the trainer gets the go/no-go mail (with min_participants).
    go_no_go_days         int         not null default 3 check (go_no_go_days between 1 and 60),
    registration_deadline timestamptz not null,
    municipality_id       bigint      not null references municipality (id),
    -- Set: closed session, only for people of this organisation.
    organisation_id       bigint      references organisation (id),
    notes                 text        check (length(notes) <= 4000),
    status                text        not null default 'PLANNED' check (status in ('PLANNED', 'CANCELLED')),
    -- Arrival counter: every sign-up takes the next number under the session's row lock (FIFO order).
    last_arrival          bigint      not null default 0,
    -- iCalendar SEQUENCE: raised on every change a calendar should show.
    ics_sequence          int         not null default 0,
    go_no_go_mailed_at    timestamptz,
    cancel_token_hash     text        unique,
    checkin_token_hash    text        unique,
    created_by            bigint      references app_user (id),
    created_at            timestamptz not null,
    updated_at            timestamptz not null,
    check (ends_at > starts_at),
    check (registration_deadline <= starts_at),
    check (location is not null or online_url is not null),
    check (min_participants is null or min_participants <= capacity)
);
create index training_session_municipality_idx on training_session (municipality_id, starts_at);
create index training_session_series_idx on training_session (series_id);

create table session_trainer (
    session_id bigint not null references training_session (id) on delete cascade,
    user_id    bigint not null references app_user (id),
    primary key (session_id, user_id)
);
create index session_trainer_user_idx on session_trainer (user_id);

-- One person's place at one session. CONFIRMED and OFFERED hold a seat; WAITLISTED waits in arrival order.
create table registration (
    id               bigint generated always as identity primary key,
    session_id       bigint      not null references training_session (id) on delete cascade,
    user_id          bigint      not null references app_user (id),
    status           text        not null check (status in ('CONFIRMED', 'WAITLISTED', 'OFFERED', 'CANCELLED',
                                     'OFFER_EXPIRED', 'SESSION_CANCELLED', 'MOVED')),
    arrival          bigint      not null,
    offer_expires_at timestamptz,
    offer_token_hash text        unique,
    attendance       text        check (attendance in ('PRESENT', 'ABSENT', 'EXCUSED')),
    attendance_at    timestamptz,
    registered_by    bigint      references app_user (id),
    reminder_sent_at timestamptz,
    created_at       timestamptz not null,
    updated_at       timestamptz not null,
    unique (session_id, arrival),
    check ((status = 'OFFERED') = (offer_expires_at is not null))
);
-- No duplicates: one live place per person and session.
create unique index registration_live_uk on registration (session_id, user_id)
    where status in ('CONFIRMED', 'WAITLISTED', 'OFFERED');
create index registration_seat_idx on registration (session_id) where status in ('CONFIRMED', 'OFFERED');
create index registration_waitlist_idx on registration (session_id, arrival) where status = 'WAITLISTED';
create index registration_offer_due_idx on registration (offer_expires_at) where status = 'OFFERED';
create index registration_user_idx on registration (user_id);

-- The database's own guard against overbooking: whatever code writes a seat-holding row, it first locks
-- the session row (so concurrent writers queue) and then counts the seats already taken.
create function registration_enforce_capacity() returns trigger language plpgsql as $$
declare
    seats int;
    taken int;
begin
    if new.status in ('CONFIRMED', 'OFFERED')
            and (tg_op = 'INSERT' or old.status not in ('CONFIRMED', 'OFFERED') or old.session_id <> new.session_id) then
        select capacity into seats from training_session where id = new.session_id for update;
        select count(*) into taken from registration
         where session_id = new.session_id and status in ('CONFIRMED', 'OFFERED') and id <> new.id;
        if taken >= seats then
            raise exception 'session % is full (% of % seats taken)', new.session_id, taken, seats
                using errcode = 'check_violation', constraint = 'registration_capacity';
        end if;
    end if;
    return new;
end
$$;
create trigger registration_capacity before insert or update on registration
    for each row execute function registration_enforce_capacity();

-- Every change to a registration or session, in order (id), for questions like "why was I skipped?".
create table session_audit (
    id              bigint generated always as identity primary key,
    session_id      bigint      not null references training_session (id) on delete cascade,
    registration_id bigint      references registration (id) on delete cascade,
    user_id         bigint      references app_user (id),
    actor_id        bigint      references app_user (id),
    action          text        not null,
    arrival         bigint,
    detail          text,
    at              timestamptz not null
);
create index session_audit_session_idx on session_audit (session_id, id);

-- People who want a mail when a new session is planned in their municipality.
create table session_interest (
    user_id         bigint      not null references app_user (id) on delete cascade,
    municipality_id bigint      not null references municipality (id),
    created_at      timestamptz not null,
    primary key (user_id, municipality_id)
);

-- A personal calendar feed (webcal) per person; the URL's secret is stored hashed.
create table calendar_feed (
    user_id    bigint      primary key references app_user (id) on delete cascade,
    token_hash text        not null unique,
    created_at timestamptz not null
);

-- Short evaluation after attending; one per registration.
create table session_evaluation (
    registration_id bigint      primary key references registration (id) on delete cascade,
    score           smallint    not null check (score between 1 and 10),
    do_differently  text        not null check (length(trim(do_differently)) between 1 and 2000),
    comment         text        check (length(comment) <= 2000),
    answered_at     timestamptz not null
);

-- Mails from a municipality's sessions carry its name as the sender name ("Omzien Coevorden").
alter table mail_outbox add column sender_name text check (length(sender_name) <= 100);
