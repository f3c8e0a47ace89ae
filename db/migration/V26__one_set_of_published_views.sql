-- One set of published views (issue 19, part 2). V22 published views for the dashboard's SQL as
-- <feature>_published_<what>, V23 views for Java reads as v_<what> (generated into nl.omzien.<feature>.published);
-- people had both, three of them twice. Now there is one convention for every feature: a read-only view
-- <feature>.v_<what> in the owner's schema, the only object of another feature's schema that SQL or Java may name.
-- The dashboard functions that named the old views are replaced (their search_path stays as V23 set it).

-- 1. people: the duplicates go; v_person, v_organisation and v_municipality cover them (id instead of
--    person_id / organisation_id / municipality_id). Nothing but the functions below reads them.
drop view people.people_published_person_placement;
drop view people.people_published_organisations;
drop view people.people_published_municipalities;
comment on view people.v_person is
    'Published by people, read-only: each account''s name, address, language, organisation, own municipality, enabled and roles; no password or tokens.';
comment on view people.v_organisation is
    'Published by people, read-only: each organisation''s name, municipality, sector and village.';
comment on view people.v_municipality is
    'Published by people, read-only: the municipalities and their names.';

-- 2. The other features' published views, renamed. Views that use them (dashboard.dashboard_contribution)
--    follow by reference.
alter view certificates.certificates_published_first_per_path rename to v_first_certificate_per_path;
alter view training.training_published_attempt_outcomes rename to v_attempt_outcome;
alter view sessions.sessions_published_session_figures rename to v_session_figures;
alter view sessions.sessions_published_evaluation_comments rename to v_evaluation_comment;

-- 3. sessions: who registered for which session, so the dashboard can find a person's evaluation comments
--    (own-data export and erasure) without reading the registration table.
create view sessions.v_registration as
select r.id, r.session_id, r.user_id from sessions.registration r;
comment on view sessions.v_registration is
    'Published by sessions, read-only: which account registered for which session (no status or answers).';

-- 4. The dashboard functions that named the old views: V22's bodies with the new names.
create or replace function dashboard.dashboard_refresh(p_kind text, p_id bigint) returns void language plpgsql
    set search_path = dashboard, people, training, sessions, certificates, public as $$
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
          from sessions.v_evaluation_comment c
         where c.session_id = p_id and not c.cancelled;
    end if;
end
$$;

create or replace function dashboard.dashboard_know_person(p_person bigint) returns void language plpgsql
    set search_path = dashboard, people, training, sessions, certificates, public as $$
declare
    placement record;
begin
    if exists (select 1 from dashboard_known_person where person_id = p_person) then
        return;
    end if;
    select p.organisation_id, p.municipality_id into placement
      from people.v_person p where p.id = p_person;
    if not found then
        return;
    end if;
    if placement.organisation_id is not null
            and not exists (select 1 from dashboard_known_organisation where organisation_id = placement.organisation_id) then
        perform dashboard_organisation_placed(o.id, o.municipality_id, o.sector, o.village)
           from people.v_organisation o where o.id = placement.organisation_id;
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

create or replace function dashboard.dashboard_rebuild() returns void language plpgsql
    set search_path = dashboard, people, training, sessions, certificates, public as $$
begin
    lock table dashboard_fact, dashboard_month, dashboard_organisation, dashboard_comment, dashboard_staff,
               dashboard_known_person, dashboard_known_organisation in exclusive mode;
    truncate dashboard_fact, dashboard_month, dashboard_organisation, dashboard_comment, dashboard_staff,
             dashboard_known_person, dashboard_known_organisation;
    insert into dashboard_known_organisation (organisation_id, municipality_id, sector, village)
    select id, municipality_id, sector, village from people.v_organisation;
    insert into dashboard_known_person (person_id, organisation_id, municipality_id)
    select id, organisation_id, municipality_id from people.v_person;
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
      from sessions.v_evaluation_comment c
     where not c.cancelled;
end
$$;
