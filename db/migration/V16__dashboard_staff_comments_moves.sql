-- Dashboard read model, second round (stop 13; see decision 009). V8 as released is left unchanged.
--
-- 1. The organisations table for all municipalities reads in the order of an index (trained total, id),
--    and registered staff per organisation is kept in dashboard_staff by a trigger on app_user instead of
--    counting the accounts of 100 organisations on every read.
-- 2. "Tell" lists a period's comments newest session first, handed over in that order by an index, so
--    the 50 newest of a period are read without sorting the period's thousands; its search box looks in
--    one generated column with a trigram index (pg_trgm ships with PostgreSQL; see README), so a rare
--    word is found without reading every comment of the period.
-- 3. People and organisations moving change the figures at once (triggers), not at the person's next event.

drop index dashboard_organisation_top_idx;
create index dashboard_organisation_top_idx on dashboard_organisation (trained_total desc, organisation_id);

-- Registered staff per organisation (accounts that name it): the denominator of "share trained".
create table dashboard_staff (
    organisation_id bigint primary key,
    staff           int    not null
);
insert into dashboard_staff (organisation_id, staff)
select organisation_id, count(*) from app_user where organisation_id is not null group by organisation_id;

alter table dashboard_comment
    add column search_text text generated always as (session_title || E'\n' || do_differently || E'\n' || coalesce(comment, '')) stored;
drop index dashboard_comment_municipality_idx;
drop index dashboard_comment_recent_idx;
create index dashboard_comment_municipality_idx on dashboard_comment (municipality_id, session_on desc, answered_at desc, registration_id desc);
create index dashboard_comment_recent_idx on dashboard_comment (session_on desc, answered_at desc, registration_id desc);
create extension if not exists pg_trgm;
create index dashboard_comment_search_idx on dashboard_comment using gin (search_text gin_trgm_ops);

-- The full rebuild now also counts the staff.
create or replace function dashboard_rebuild() returns void language plpgsql as $$
begin
    lock table dashboard_fact, dashboard_month, dashboard_organisation, dashboard_comment, dashboard_staff in exclusive mode;
    truncate dashboard_fact, dashboard_month, dashboard_organisation, dashboard_comment, dashboard_staff;
    insert into dashboard_fact select * from dashboard_source;
    insert into dashboard_month (municipality_id, organisation_id, measure, month, dim, value, total)
    select l.municipality_id, l.organisation_id, l.measure, f.month, l.dim, sum(f.value), sum(f.total)
      from dashboard_fact f
      left join organisation o on o.id = f.organisation_id
     cross join lateral dashboard_levels(f.municipality_id, f.organisation_id, f.measure, f.dim, o.sector, o.village) l
     group by 1, 2, 3, 4, 5;
    insert into dashboard_organisation (organisation_id, municipality_id, trained_total, first_trained_on, last_trained_on)
    select f.organisation_id, o.municipality_id,
           count(*) filter (where f.measure = 'TRAINED'),
           min(f.day) filter (where f.measure = 'TRAINED'),
           max(f.day) filter (where f.measure = 'PATH')
      from dashboard_fact f join organisation o on o.id = f.organisation_id
     where f.owner_kind = 'PERSON' and f.measure in ('TRAINED', 'PATH')
     group by f.organisation_id, o.municipality_id;
    insert into dashboard_staff (organisation_id, staff)
    select organisation_id, count(*) from app_user where organisation_id is not null group by organisation_id;
    insert into dashboard_comment
    select r.id, s.id, s.municipality_id, s.title, (s.starts_at at time zone 'Europe/Amsterdam')::date,
           e.score, e.do_differently, e.comment, e.answered_at
      from training_session s
      join registration r on r.session_id = s.id
      join session_evaluation e on e.registration_id = r.id
     where s.status <> 'CANCELLED';
end
$$;

-- People joining, leaving or moving between organisations (or municipalities): the staff counts follow,
-- and a moved person's figures move with them at once, not at their next completion.
create function dashboard_people_changed() returns trigger language plpgsql as $$
begin
    if TG_OP = 'INSERT' then
        insert into dashboard_staff as s (organisation_id, staff)
        select organisation_id, count(*) from new_rows where organisation_id is not null group by 1 order by 1
        on conflict (organisation_id) do update set staff = s.staff + excluded.staff;
    elsif TG_OP = 'DELETE' then
        update dashboard_staff s set staff = s.staff - d.n
          from (select organisation_id, count(*) as n from old_rows where organisation_id is not null group by 1) d
         where s.organisation_id = d.organisation_id;
    else
        insert into dashboard_staff as s (organisation_id, staff)
        select organisation_id, sum(n) from (
            select o.organisation_id, -1 as n from old_rows o join new_rows n on n.id = o.id
             where o.organisation_id is distinct from n.organisation_id and o.organisation_id is not null
            union all
            select n.organisation_id, 1 from old_rows o join new_rows n on n.id = o.id
             where o.organisation_id is distinct from n.organisation_id and n.organisation_id is not null) d
         group by 1 order by 1
        on conflict (organisation_id) do update set staff = s.staff + excluded.staff;
        perform dashboard_refresh('PERSON', m.id)
           from (select n.id from old_rows o join new_rows n on n.id = o.id
                  where o.organisation_id is distinct from n.organisation_id
                     or o.municipality_id is distinct from n.municipality_id
                  order by n.id) m;
    end if;
    return null;
end
$$;
create trigger dashboard_people_inserted after insert on app_user
    referencing new table as new_rows for each statement execute function dashboard_people_changed();
create trigger dashboard_people_updated after update on app_user
    referencing old table as old_rows new table as new_rows for each statement execute function dashboard_people_changed();
create trigger dashboard_people_deleted after delete on app_user
    referencing old table as old_rows for each statement execute function dashboard_people_changed();

-- An organisation changing sector, village or municipality: its trained people count under the new
-- ones from now on (all time, as if they had always been there; the figures describe today's map).
create function dashboard_organisation_changed() returns trigger language plpgsql as $$
begin
    if new.sector is distinct from old.sector or new.village is distinct from old.village then
        -- Only the sector and village sums depend on the organisation's current sector and village.
        insert into dashboard_month as m (municipality_id, organisation_id, measure, month, dim, value, total)
        select l.municipality_id, l.organisation_id, l.measure, f.month, l.dim, sum(f.sign * f.value), sum(f.sign * f.total)
          from (select f.*, s.sign, s.sector, s.village
                  from dashboard_fact f
                 cross join (values (-1, old.sector, old.village), (1, new.sector, new.village)) s(sign, sector, village)
                 where f.organisation_id = new.id and f.owner_kind = 'PERSON' and f.measure = 'TRAINED') f
         cross join lateral dashboard_levels(f.municipality_id, f.organisation_id, f.measure, f.dim, f.sector, f.village) l
         where l.measure in ('TRAINED_SECTOR', 'TRAINED_VILLAGE')
         group by 1, 2, 3, 4, 5
        having sum(f.sign * f.value) <> 0 or sum(f.sign * f.total) <> 0
         order by 1, 2, 3, 4, 5
        on conflict (municipality_id, organisation_id, measure, month, dim)
        do update set value = m.value + excluded.value, total = m.total + excluded.total;
    end if;
    if new.municipality_id is distinct from old.municipality_id then
        -- Facts carry the municipality: recompute each person (after the move above, so the sums they
        -- take away are the ones under the new sector and village).
        update dashboard_organisation set municipality_id = new.municipality_id where organisation_id = new.id;
        perform dashboard_refresh('PERSON', u.id) from (select id from app_user where organisation_id = new.id order by id) u;
    end if;
    return null;
end
$$;
create trigger dashboard_organisation_changed after update of sector, village, municipality_id on organisation
    for each row execute function dashboard_organisation_changed();
