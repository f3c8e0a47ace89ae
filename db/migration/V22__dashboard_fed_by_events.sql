-- The dashboard's read model fed by the features' events and published views, not by reading their
-- tables (issue 19; decision 009, addendum). V8 and V16 as released are left unchanged.
--
-- Before: the view dashboard_source read 8 tables of 4 features, and V16 put triggers on app_user and
-- organisation. Now:
-- - each owning feature publishes a read-only view of what others may know (prefix <feature>_published_);
--   the dashboard reads only those views and its own tables (names of organisations and municipalities
--   on screen included);
-- - the dashboard keeps its own copy of where people and organisations are (dashboard_known_person,
--   dashboard_known_organisation), kept current by the people feature's events PersonPlacementChanged and
--   OrganisationChanged (DashboardListener calls dashboard_person_placed / dashboard_organisation_placed);
-- - dashboard_rebuild() still builds everything set-based (first fill, recovery), from those views.

-- 1. The triggers on other features' tables, and the functions only they used.
drop trigger dashboard_people_inserted on app_user;
drop trigger dashboard_people_updated on app_user;
drop trigger dashboard_people_deleted on app_user;
drop trigger dashboard_organisation_changed on organisation;
drop function dashboard_people_changed();
drop function dashboard_organisation_changed();
-- The read model's organisation rows are the dashboard's own; no key into the people feature's table.
alter table dashboard_organisation drop constraint dashboard_organisation_organisation_id_fkey;

-- 2. Read-only views published by the owning features (move with their tables into their schemas).

-- people: where a person is (their organisation, and the municipality of staff without one).
create view people_published_person_placement as
select u.id as person_id, u.organisation_id, u.municipality_id
  from app_user u;
comment on view people_published_person_placement is
    'Published by people, read-only: each account''s organisation and own municipality.';

-- people: each organisation's name, municipality, sector and village (kern).
create view people_published_organisations as
select o.id as organisation_id, o.municipality_id, o.name, o.sector, o.village
  from organisation o;
comment on view people_published_organisations is
    'Published by people, read-only: each organisation''s name, municipality, sector and village.';

-- people: the municipalities by name.
create view people_published_municipalities as
select m.id as municipality_id, m.name
  from municipality m;
comment on view people_published_municipalities is
    'Published by people, read-only: the municipalities and their names.';

-- certificates: a person's first counting certificate per path. Counting = live, or revoked only because
-- the account was deleted (the training happened; issue 8). A filter on user_id reaches the index.
create view certificates_published_first_per_path as
select distinct on (c.user_id, c.path_id) c.user_id, c.path_id, c.completed_on, c.id as certificate_id
  from certificate c
 where c.status <> 'REVOKED' or c.revoked_kind = 'ACCOUNT_DELETED'
 order by c.user_id, c.path_id, c.completed_on, c.id;
comment on view certificates_published_first_per_path is
    'Published by certificates, read-only: per person and path the first certificate that counts.';

-- training: each module attempt with its outcome and the self-assessment sums (3..15) before and after.
-- No quiz answers or reflections.
create view training_published_attempt_outcomes as
select a.id as attempt_id, a.user_id, a.module_id, a.started_at, a.completed_at, a.passed,
       pre.recognise + pre.raise + pre.refer as confidence_before,
       post.recognise + post.raise + post.refer as confidence_after,
       post.answered_at as confidence_after_at
  from module_attempt a
  left join self_assessment pre on pre.attempt_id = a.id and pre.phase = 'PRE'
  left join self_assessment post on post.attempt_id = a.id and post.phase = 'POST';
comment on view training_published_attempt_outcomes is
    'Published by training, read-only: module attempts, outcome and self-assessment sums, without answers.';

-- sessions: per session its place, time, status and counts (confirmed places, present, evaluations).
create view sessions_published_session_figures as
select s.id as session_id, s.municipality_id, s.organisation_id, s.starts_at, s.status = 'CANCELLED' as cancelled,
       c.seats, c.present, e.evaluations, e.score_sum
  from training_session s
 cross join lateral (
     select count(*) filter (where r.status = 'CONFIRMED') as seats,
            count(*) filter (where r.attendance = 'PRESENT') as present
       from registration r where r.session_id = s.id) c
 cross join lateral (
     select count(*) as evaluations, coalesce(sum(e.score), 0) as score_sum
       from session_evaluation e join registration r on r.id = e.registration_id where r.session_id = s.id) e;
comment on view sessions_published_session_figures is
    'Published by sessions, read-only: per session municipality, organisation, start, cancelled, places, present, evaluations.';

-- sessions: evaluation texts without names (registration id as the key, never the person).
create view sessions_published_evaluation_comments as
select r.id as registration_id, s.id as session_id, s.municipality_id, s.title as session_title, s.starts_at,
       s.status = 'CANCELLED' as cancelled, e.score, e.do_differently, e.comment, e.answered_at
  from training_session s
  join registration r on r.session_id = s.id
  join session_evaluation e on e.registration_id = r.id;
comment on view sessions_published_evaluation_comments is
    'Published by sessions, read-only: evaluation scores and texts per registration, without names.';

-- 3. The dashboard's own copy of where people and organisations are.
create table dashboard_known_person (
    person_id       bigint primary key,
    organisation_id bigint,
    municipality_id bigint
);
create index dashboard_known_person_organisation_idx on dashboard_known_person (organisation_id)
    where organisation_id is not null;

create table dashboard_known_organisation (
    organisation_id bigint primary key,
    municipality_id bigint not null,
    sector          text   not null,
    village         text
);

insert into dashboard_known_organisation (organisation_id, municipality_id, sector, village)
select organisation_id, municipality_id, sector, village from people_published_organisations;
insert into dashboard_known_person (person_id, organisation_id, municipality_id)
select person_id, organisation_id, municipality_id from people_published_person_placement;

-- 4. What one person or session contributes (was dashboard_source), from the published views and the copy.
drop view dashboard_source;
create view dashboard_contribution as
select 'PERSON'::text as owner_kind, p.person_id as owner_id,
       coalesce(o.municipality_id, p.municipality_id) as municipality_id,
       coalesce(p.organisation_id, 0::bigint) as organisation_id,
       date_trunc('month', f.day)::date as month, f.day, f.measure, f.dim, f.value::bigint as value, f.total::bigint as total
from dashboard_known_person p
left join dashboard_known_organisation o on o.organisation_id = p.organisation_id
cross join lateral (
    (select 'TRAINED'::text as measure, c.path_id as dim, c.completed_on as day, 1 as value, 0 as total
       from certificates_published_first_per_path c where c.user_id = p.person_id
      order by c.completed_on, c.certificate_id limit 1)
    union all
    select 'PATH', c.path_id, c.completed_on, 1, 0
      from certificates_published_first_per_path c where c.user_id = p.person_id
    union all
    (select 'STARTED', '', (a.started_at at time zone 'Europe/Amsterdam')::date, 1, 0
       from training_published_attempt_outcomes a where a.user_id = p.person_id order by a.started_at, a.attempt_id limit 1)
    union all
    (select distinct on (a.module_id) 'MODULE', a.module_id, (a.completed_at at time zone 'Europe/Amsterdam')::date, 1, 0
       from training_published_attempt_outcomes a where a.user_id = p.person_id and a.passed
      order by a.module_id, a.completed_at, a.attempt_id)
    union all
    select m.measure, a.module_id, (a.confidence_after_at at time zone 'Europe/Amsterdam')::date, 1,
           case when m.measure = 'CONF_PRE' then a.confidence_before else a.confidence_after end
      from training_published_attempt_outcomes a
     cross join (values ('CONF_PRE'), ('CONF_POST')) m(measure)
     where a.user_id = p.person_id and a.completed_at is not null
       and a.confidence_before is not null and a.confidence_after is not null
) f
where coalesce(o.municipality_id, p.municipality_id) is not null
union all
select 'SESSION'::text, s.session_id, s.municipality_id, coalesce(s.organisation_id, 0::bigint),
       date_trunc('month', s.starts_at at time zone 'Europe/Amsterdam')::date,
       (s.starts_at at time zone 'Europe/Amsterdam')::date, f.measure, '', f.value::bigint, f.total::bigint
from sessions_published_session_figures s
cross join lateral (values ('HELD', 1::bigint, 0::bigint), ('SEATS', s.seats, 0), ('PRESENT', s.present, 0),
                           ('EVAL', s.evaluations, s.score_sum)) f(measure, value, total)
where not s.cancelled and s.present > 0 and (f.value <> 0 or f.total <> 0);

-- 5. The refresh and rebuild functions, reading the contribution view, the copy and the published views.
create or replace function dashboard_refresh(p_kind text, p_id bigint) returns void language plpgsql as $$
declare
    orgs bigint[];
begin
    -- One refresh per owner at a time; two owners touching the same sums only add, in key order.
    perform pg_advisory_xact_lock(case when p_kind = 'PERSON' then 8001 else 8002 end, (p_id % 2147483647)::int);
    if p_kind = 'PERSON' then
        perform dashboard_know_person(p_id);
    end if;
    with old as (
        delete from dashboard_fact where owner_kind = p_kind and owner_id = p_id
        returning municipality_id, organisation_id, month, measure, dim, -value as value, -total as total),
    fresh as (
        insert into dashboard_fact
        select * from dashboard_contribution where owner_kind = p_kind and owner_id = p_id
        returning municipality_id, organisation_id, month, measure, dim, value, total),
    delta as (
        select d.municipality_id, d.organisation_id, d.month, d.measure, d.dim, sum(d.value) as value, sum(d.total) as total
          from (select * from old union all select * from fresh) d
         group by 1, 2, 3, 4, 5
        having sum(d.value) <> 0 or sum(d.total) <> 0),
    applied as (
        insert into dashboard_month as m (municipality_id, organisation_id, measure, month, dim, value, total)
        select l.municipality_id, l.organisation_id, l.measure, d.month, l.dim, sum(d.value), sum(d.total)
          from delta d
          left join dashboard_known_organisation o on o.organisation_id = d.organisation_id
         cross join lateral dashboard_levels(d.municipality_id, d.organisation_id, d.measure, d.dim, o.sector, o.village) l
         group by 1, 2, 3, 4, 5
         order by 1, 2, 3, 4, 5
        on conflict (municipality_id, organisation_id, measure, month, dim)
        do update set value = m.value + excluded.value, total = m.total + excluded.total)
    select coalesce(array_agg(distinct x.organisation_id), '{}') into orgs
      from (select organisation_id from old union all select organisation_id from fresh) x
     where x.organisation_id <> 0;

    if p_kind = 'PERSON' and cardinality(orgs) > 0 then
        perform dashboard_refresh_organisations(orgs);
    end if;
    if p_kind = 'SESSION' then
        delete from dashboard_comment where session_id = p_id;
        insert into dashboard_comment (registration_id, session_id, municipality_id, session_title, session_on, score,
                                       do_differently, comment, answered_at)
        select c.registration_id, c.session_id, c.municipality_id, c.session_title,
               (c.starts_at at time zone 'Europe/Amsterdam')::date, c.score, c.do_differently, c.comment, c.answered_at
          from sessions_published_evaluation_comments c
         where c.session_id = p_id and not c.cancelled;
    end if;
end
$$;

create or replace function dashboard_refresh_organisations(orgs bigint[]) returns void language sql as $$
    insert into dashboard_organisation as d (organisation_id, municipality_id, trained_total, first_trained_on, last_trained_on)
    select o.organisation_id, o.municipality_id,
           count(f.owner_id) filter (where f.measure = 'TRAINED'),
           min(f.day) filter (where f.measure = 'TRAINED'),
           max(f.day) filter (where f.measure = 'PATH')
      from dashboard_known_organisation o
      left join dashboard_fact f on f.organisation_id = o.organisation_id and f.owner_kind = 'PERSON' and f.measure in ('TRAINED', 'PATH')
     where o.organisation_id = any(orgs)
     group by o.organisation_id, o.municipality_id
     order by o.organisation_id
    on conflict (organisation_id) do update
        set municipality_id = excluded.municipality_id, trained_total = excluded.trained_total,
            first_trained_on = excluded.first_trained_on, last_trained_on = excluded.last_trained_on
$$;

-- A person was created, joined or left an organisation, or moved organisation or municipality
-- (the people feature's PersonPlacementChanged): the copy, the staff counts and their figures follow.
create function dashboard_person_placed(p_person bigint, p_organisation bigint, p_municipality bigint)
    returns void language plpgsql as $$
declare
    known    boolean := false;
    old_org  bigint;
    old_mun  bigint;
begin
    select k.organisation_id, k.municipality_id into old_org, old_mun
      from dashboard_known_person k where k.person_id = p_person for update;
    known := found;
    if known and old_org is not distinct from p_organisation and old_mun is not distinct from p_municipality then
        return;
    end if;
    insert into dashboard_known_person (person_id, organisation_id, municipality_id)
    values (p_person, p_organisation, p_municipality)
    on conflict (person_id) do update set organisation_id = excluded.organisation_id, municipality_id = excluded.municipality_id;
    if old_org is distinct from p_organisation then
        -- In key order, so two moves between the same two organisations cannot deadlock.
        insert into dashboard_staff as s (organisation_id, staff)
        select d.organisation_id, sum(d.n) from (values (old_org, -1), (p_organisation, 1)) d(organisation_id, n)
         where d.organisation_id is not null
         group by 1 order by 1
        on conflict (organisation_id) do update set staff = s.staff + excluded.staff;
    end if;
    perform dashboard_refresh('PERSON', p_person);
end
$$;

-- An organisation was created or changed (the people feature's OrganisationChanged). Sector and village
-- only move the sector and village sums; a new municipality recomputes each of its people. The figures
-- describe today's map: history moves with the organisation.
create function dashboard_organisation_placed(p_organisation bigint, p_municipality bigint, p_sector text, p_village text)
    returns void language plpgsql as $$
declare
    known       boolean := false;
    old_mun     bigint;
    old_sector  text;
    old_village text;
begin
    select k.municipality_id, k.sector, k.village into old_mun, old_sector, old_village
      from dashboard_known_organisation k where k.organisation_id = p_organisation for update;
    known := found;
    if known and old_mun = p_municipality and old_sector is not distinct from p_sector
            and old_village is not distinct from p_village then
        return;
    end if;
    insert into dashboard_known_organisation (organisation_id, municipality_id, sector, village)
    values (p_organisation, p_municipality, p_sector, p_village)
    on conflict (organisation_id) do update
        set municipality_id = excluded.municipality_id, sector = excluded.sector, village = excluded.village;
    if not known or old_sector is distinct from p_sector or old_village is distinct from p_village then
        -- Unknown until now: nothing was summed under a sector or village for it (old values null).
        insert into dashboard_month as m (municipality_id, organisation_id, measure, month, dim, value, total)
        select l.municipality_id, l.organisation_id, l.measure, f.month, l.dim, sum(f.sign * f.value), sum(f.sign * f.total)
          from (select f.*, s.sign, s.sector, s.village
                  from dashboard_fact f
                 cross join (values (-1, old_sector, old_village), (1, p_sector, p_village)) s(sign, sector, village)
                 where f.organisation_id = p_organisation and f.owner_kind = 'PERSON' and f.measure = 'TRAINED') f
         cross join lateral dashboard_levels(f.municipality_id, f.organisation_id, f.measure, f.dim, f.sector, f.village) l
         where l.measure in ('TRAINED_SECTOR', 'TRAINED_VILLAGE')
         group by 1, 2, 3, 4, 5
        having sum(f.sign * f.value) <> 0 or sum(f.sign * f.total) <> 0
         order by 1, 2, 3, 4, 5
        on conflict (municipality_id, organisation_id, measure, month, dim)
        do update set value = m.value + excluded.value, total = m.total + excluded.total;
    end if;
    if not known or old_mun <> p_municipality then
        -- Facts carry the municipality: recompute each person (after the move above, so the sums they
        -- take away are the ones under the new sector and village).
        update dashboard_organisation set municipality_id = p_municipality where organisation_id = p_organisation;
        perform dashboard_refresh('PERSON', k.person_id)
           from (select person_id from dashboard_known_person where organisation_id = p_organisation order by person_id) k;
    end if;
end
$$;

-- A person the dashboard has not heard of (an account written by a path that publishes no event, such as a
-- test fixture or a bulk load): looked up once in the view the people feature publishes, with their
-- organisation if that is new too. Afterwards only PersonPlacementChanged moves them.
create function dashboard_know_person(p_person bigint) returns void language plpgsql as $$
declare
    placement record;
begin
    if exists (select 1 from dashboard_known_person where person_id = p_person) then
        return;
    end if;
    select p.organisation_id, p.municipality_id into placement
      from people_published_person_placement p where p.person_id = p_person;
    if not found then
        return;
    end if;
    if placement.organisation_id is not null
            and not exists (select 1 from dashboard_known_organisation where organisation_id = placement.organisation_id) then
        perform dashboard_organisation_placed(o.organisation_id, o.municipality_id, o.sector, o.village)
           from people_published_organisations o where o.organisation_id = placement.organisation_id;
    end if;
    insert into dashboard_known_person (person_id, organisation_id, municipality_id)
    values (p_person, placement.organisation_id, placement.municipality_id)
    on conflict (person_id) do nothing;
    if found and placement.organisation_id is not null then
        insert into dashboard_staff as s (organisation_id, staff) values (placement.organisation_id, 1)
        on conflict (organisation_id) do update set staff = s.staff + 1;
    end if;
end
$$;

-- Builds the whole read model set-based (first start, demo data, recovery, the national-scale generator):
-- the copy from the people feature's published views, then everything else as the refresh computes it.
create or replace function dashboard_rebuild() returns void language plpgsql as $$
begin
    lock table dashboard_fact, dashboard_month, dashboard_organisation, dashboard_comment, dashboard_staff,
               dashboard_known_person, dashboard_known_organisation in exclusive mode;
    truncate dashboard_fact, dashboard_month, dashboard_organisation, dashboard_comment, dashboard_staff,
             dashboard_known_person, dashboard_known_organisation;
    insert into dashboard_known_organisation (organisation_id, municipality_id, sector, village)
    select organisation_id, municipality_id, sector, village from people_published_organisations;
    insert into dashboard_known_person (person_id, organisation_id, municipality_id)
    select person_id, organisation_id, municipality_id from people_published_person_placement;
    insert into dashboard_fact select * from dashboard_contribution;
    insert into dashboard_month (municipality_id, organisation_id, measure, month, dim, value, total)
    select l.municipality_id, l.organisation_id, l.measure, f.month, l.dim, sum(f.value), sum(f.total)
      from dashboard_fact f
      left join dashboard_known_organisation o on o.organisation_id = f.organisation_id
     cross join lateral dashboard_levels(f.municipality_id, f.organisation_id, f.measure, f.dim, o.sector, o.village) l
     group by 1, 2, 3, 4, 5;
    insert into dashboard_organisation (organisation_id, municipality_id, trained_total, first_trained_on, last_trained_on)
    select f.organisation_id, o.municipality_id,
           count(*) filter (where f.measure = 'TRAINED'),
           min(f.day) filter (where f.measure = 'TRAINED'),
           max(f.day) filter (where f.measure = 'PATH')
      from dashboard_fact f join dashboard_known_organisation o on o.organisation_id = f.organisation_id
     where f.owner_kind = 'PERSON' and f.measure in ('TRAINED', 'PATH')
     group by f.organisation_id, o.municipality_id;
    insert into dashboard_staff (organisation_id, staff)
    select organisation_id, count(*) from dashboard_known_person where organisation_id is not null group by organisation_id;
    insert into dashboard_comment (registration_id, session_id, municipality_id, session_title, session_on, score,
                                   do_differently, comment, answered_at)
    select c.registration_id, c.session_id, c.municipality_id, c.session_title,
           (c.starts_at at time zone 'Europe/Amsterdam')::date, c.score, c.do_differently, c.comment, c.answered_at
      from sessions_published_evaluation_comments c
     where not c.cancelled;
end
$$;
