-- Seats held and people waiting, kept on the session row by the registration trigger, so a seat
-- decision reads one row instead of counting the session's registrations each time (a popular session's
-- hundreds, on every sign-up; see bench/README.md). The trigger stays the database's own guard against
-- overbooking: it updates the counters on the locked session row and refuses a seat beyond capacity.

alter table training_session
    add column seats_held int not null default 0 check (seats_held >= 0),
    add column waiting    int not null default 0 check (waiting >= 0);

update training_session s
   set seats_held = c.held, waiting = c.waiting
  from (select session_id,
               count(*) filter (where status in ('CONFIRMED', 'OFFERED')) as held,
               count(*) filter (where status = 'WAITLISTED') as waiting
          from registration group by session_id) c
 where c.session_id = s.id;

drop trigger registration_capacity on registration;
drop function registration_enforce_capacity();

-- After the row is written (an INSERT ... ON CONFLICT DO NOTHING that inserts nothing counts nothing).
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
        update training_session
           set seats_held = seats_held + new_held - old_held, waiting = waiting + new_waiting - old_waiting
         where id = new.session_id
        returning capacity, seats_held into seats, held;
    else
        if old_held + old_waiting > 0 then
            update training_session set seats_held = seats_held - old_held, waiting = waiting - old_waiting
             where id = old.session_id;
        end if;
        if new_held + new_waiting > 0 then
            update training_session set seats_held = seats_held + new_held, waiting = waiting + new_waiting
             where id = new.session_id
            returning capacity, seats_held into seats, held;
        end if;
    end if;
    -- The update above locked the session row, so concurrent writers queue and each sees the last count.
    if new_held > 0 and (tg_op = 'INSERT' or old_held = 0 or old.session_id <> new.session_id) and held > seats then
        raise exception 'session % is full (% of % seats taken)', new.session_id, held - 1, seats
            using errcode = 'check_violation', constraint = 'registration_capacity';
    end if;
    return null;
end
$$;
create trigger registration_capacity after insert or update or delete on registration
    for each row execute function registration_count_seats();
