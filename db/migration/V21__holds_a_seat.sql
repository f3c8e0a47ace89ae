-- "Holds a seat" spelled once in SQL (in Java: RegistrationStatus.holdsSeat()). A confirmed place and an
-- open offer hold a seat; the waitlist does not. IMMUTABLE and reading no table, so the planner inlines it
-- and an index predicate may use it. It lives in the sessions feature's own schema.
create schema if not exists sessions;

create function sessions.holds_seat(status text) returns boolean
    language sql immutable parallel safe
as $$ select status in ('CONFIRMED', 'OFFERED') $$;

-- The counter trigger of V13, unchanged but for the rule it now calls: it keeps seats held and people
-- waiting on the session's seat row and is the database's own guard against overbooking.
create or replace function registration_count_seats() returns trigger language plpgsql as $$
declare
    old_held    int := 0;
    old_waiting int := 0;
    new_held    int := 0;
    new_waiting int := 0;
    seats       int;
    held        int;
begin
    if tg_op <> 'INSERT' then
        old_held := sessions.holds_seat(old.status)::int;
        old_waiting := (old.status = 'WAITLISTED')::int;
    end if;
    if tg_op <> 'DELETE' then
        new_held := sessions.holds_seat(new.status)::int;
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

-- Seat-holding rows by session (V13 dropped the index of V6 when the counters came): a session's page
-- counts its open offers here instead of stepping over every registration a busy session ever had.
create index registration_seat_idx on registration (session_id) where sessions.holds_seat(status);
