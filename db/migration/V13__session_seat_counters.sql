-- What a seat decision reads and writes, in a narrow row of its own per session: the session's
-- capacity, status, times and calendar sequence (copied from training_session by a trigger), the last
-- arrival number, and the seats held and people waiting (kept by the registration trigger).
--
-- Why a row of its own (see bench/README.md): every seat change updates the row it locks. On the wide
-- training_session row, the dozens of changes one busy session's batch makes in one transaction did
-- not fit in the page, so each became a new index entry, and every later read of that session (the
-- sign-up page, foreign-key checks, the next lock) had to step over all of them: 250-550 µs a statement.
-- A narrow row on a mostly empty page (fillfactor) stays on its page. The counters also spare a seat
-- decision from counting the session's registrations (hundreds, for a popular session).
--
-- Every seat change locks this row first, so sign-ups, cancellations, offers and the trainer's own
-- changes to capacity, times or status all queue on it.

create table session_seat_state (
    session_id            bigint      primary key references training_session (id) on delete cascade,
    capacity              int         not null,
    status                text        not null,
    starts_at             timestamptz not null,
    registration_deadline timestamptz not null,
    municipality_id       bigint      not null,
    organisation_id       bigint,
    ics_sequence          int         not null,
    last_arrival          bigint      not null default 0,
    seats_held            int         not null default 0 check (seats_held >= 0),
    waiting               int         not null default 0 check (waiting >= 0)
) with (fillfactor = 20);

insert into session_seat_state (session_id, capacity, status, starts_at, registration_deadline, municipality_id,
                                organisation_id, ics_sequence, last_arrival, seats_held, waiting)
select s.id, s.capacity, s.status, s.starts_at, s.registration_deadline, s.municipality_id, s.organisation_id,
       s.ics_sequence, s.last_arrival, coalesce(c.held, 0), coalesce(c.waiting, 0)
  from training_session s
  left join (select session_id,
                    count(*) filter (where status in ('CONFIRMED', 'OFFERED')) as held,
                    count(*) filter (where status = 'WAITLISTED') as waiting
               from registration group by session_id) c on c.session_id = s.id;

alter table training_session drop column last_arrival;

create function session_seat_state_copy() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        insert into session_seat_state (session_id, capacity, status, starts_at, registration_deadline,
                                        municipality_id, organisation_id, ics_sequence)
        values (new.id, new.capacity, new.status, new.starts_at, new.registration_deadline,
                new.municipality_id, new.organisation_id, new.ics_sequence);
    else
        update session_seat_state
           set capacity = new.capacity, status = new.status, starts_at = new.starts_at,
               registration_deadline = new.registration_deadline, municipality_id = new.municipality_id,
               organisation_id = new.organisation_id, ics_sequence = new.ics_sequence
         where session_id = new.id;
    end if;
    return null;
end
$$;
create trigger session_seat_state_inserted after insert on training_session
    for each row execute function session_seat_state_copy();
create trigger session_seat_state_updated
    after update of capacity, status, starts_at, registration_deadline, municipality_id, organisation_id, ics_sequence
    on training_session for each row execute function session_seat_state_copy();

-- Seats are no longer counted from the registrations on a decision.
drop index registration_seat_idx;

drop trigger registration_capacity on registration;
drop function registration_enforce_capacity();

-- After the row is written, so only rows really written count. The update locks the session's seat row:
-- concurrent writers queue there, and each sees the count the one before it left.
create function registration_count_seats() returns trigger language plpgsql as $$
declare
    old_held    int := 0;
    old_waiting int := 0;
    new_held    int := 0;
    new_waiting int := 0;
    seats       int;
    held        int;
begin
    if tg_op <> 'INSERT' then
        old_held := (old.status in ('CONFIRMED', 'OFFERED'))::int;
        old_waiting := (old.status = 'WAITLISTED')::int;
    end if;
    if tg_op <> 'DELETE' then
        new_held := (new.status in ('CONFIRMED', 'OFFERED'))::int;
        new_waiting := (new.status = 'WAITLISTED')::int;
    end if;
    if tg_op = 'UPDATE' and old.session_id = new.session_id then
        if new_held = old_held and new_waiting = old_waiting then
            return null;
        end if;
        update session_seat_state
           set seats_held = seats_held + new_held - old_held, waiting = waiting + new_waiting - old_waiting
         where session_id = new.session_id
        returning capacity, seats_held into seats, held;
    else
        if old_held + old_waiting > 0 then
            update session_seat_state set seats_held = seats_held - old_held, waiting = waiting - old_waiting
             where session_id = old.session_id;
        end if;
        if new_held + new_waiting > 0 then
            update session_seat_state set seats_held = seats_held + new_held, waiting = waiting + new_waiting
             where session_id = new.session_id
            returning capacity, seats_held into seats, held;
        end if;
    end if;
    -- The database's own guard against overbooking, whatever code wrote the row.
    if new_held > 0 and (tg_op = 'INSERT' or old_held = 0 or old.session_id <> new.session_id) and held > seats then
        raise exception 'session % is full (% of % seats taken)', new.session_id, held - 1, seats
            using errcode = 'check_violation', constraint = 'registration_capacity';
    end if;
    return null;
end
$$;
create trigger registration_capacity after insert or update or delete on registration
    for each row execute function registration_count_seats();
