-- Coalition dashboard: a read model kept up to date on write, so every dashboard query reads a few
-- pre-aggregated rows instead of grouping millions (see docs/decisions/009-dashboard-read-model.md).
--
-- dashboard_source  (view)  what one person or one session contributes, computed from the source tables
-- dashboard_fact    (table) that contribution as last applied, per owner (person or session)
-- dashboard_month   (table) sums per municipality x organisation x month x measure x dimension
-- dashboard_refresh (func)  recompute one owner: facts out, facts in, the difference added to the sums
--
-- Measures (value / total):
--   TRAINED    a person's first live certificate, dim = its path (one revoked only because the
--              account was deleted still counts: the training happened; issue 8)  1 / 0
--   PATH       a person's first live certificate per path, dim = path               1 / 0
--   STARTED    a person's first module attempt                                      1 / 0
--   MODULE     a person's first passed attempt per module, dim = module             1 / 0
--   CONF_PRE   per completed attempt with both self-assessments: PRE sum (3..15)    1 / sum
--   CONF_POST  the same attempt's POST sum                                          1 / sum
--   HELD       a session (not cancelled) where at least one person was present      1 / 0
--   SEATS      confirmed places at a held session                                   n / 0
--   PRESENT    people marked present at a held session                              n / 0
--   EVAL       evaluations of a held session                                        n / score sum
-- Rolled up (dashboard_levels): per organisation (organisation_id > 0), per municipality
-- (organisation_id = 0) and nationally (municipality_id = 0); TRAINED also by sector and by village.

create view dashboard_source as
select 'PERSON'::text as owner_kind, u.id as owner_id,
       coalesce(o.municipality_id, u.municipality_id) as municipality_id,
       coalesce(u.organisation_id, 0::bigint) as organisation_id,
       date_trunc('month', f.day)::date as month, f.day, f.measure, f.dim, f.value::bigint as value, f.total::bigint as total
from app_user u
left join organisation o on o.id = u.organisation_id
cross join lateral (
    (select 'TRAINED'::text as measure, c.path_id as dim, c.completed_on as day, 1 as value, 0 as total
       from certificate c where c.user_id = u.id and (c.status <> 'REVOKED' or c.revoked_kind = 'ACCOUNT_DELETED')
      order by c.completed_on, c.id limit 1)
    union all
    (select distinct on (c.path_id) 'PATH', c.path_id, c.completed_on, 1, 0
       from certificate c where c.user_id = u.id and (c.status <> 'REVOKED' or c.revoked_kind = 'ACCOUNT_DELETED')
      order by c.path_id, c.completed_on, c.id)
    union all
    (select 'STARTED', '', (a.started_at at time zone 'Europe/Amsterdam')::date, 1, 0
       from module_attempt a where a.user_id = u.id order by a.started_at, a.id limit 1)
    union all
    (select distinct on (a.module_id) 'MODULE', a.module_id, (a.completed_at at time zone 'Europe/Amsterdam')::date, 1, 0
       from module_attempt a where a.user_id = u.id and a.passed
      order by a.module_id, a.completed_at, a.id)
    union all
    select m.measure, a.module_id, (post.answered_at at time zone 'Europe/Amsterdam')::date, 1,
           case when m.measure = 'CONF_PRE' then pre.recognise + pre.raise + pre.refer
                else post.recognise + post.raise + post.refer end
      from module_attempt a
      join self_assessment pre on pre.attempt_id = a.id and pre.phase = 'PRE'
      join self_assessment post on post.attempt_id = a.id and post.phase = 'POST'
      cross join (values ('CONF_PRE'), ('CONF_POST')) m(measure)
     where a.user_id = u.id and a.completed_at is not null
) f
where coalesce(o.municipality_id, u.municipality_id) is not null
union all
select 'SESSION'::text, s.id, s.municipality_id, coalesce(s.organisation_id, 0::bigint),
       date_trunc('month', s.starts_at at time zone 'Europe/Amsterdam')::date,
       (s.starts_at at time zone 'Europe/Amsterdam')::date, f.measure, '', f.value::bigint, f.total::bigint
from training_session s
cross join lateral (
    select count(*) filter (where r.attendance = 'PRESENT') as present,
           count(*) filter (where r.status = 'CONFIRMED') as seats
      from registration r where r.session_id = s.id) c
cross join lateral (
    select count(*) as n, coalesce(sum(e.score), 0) as score_sum
      from session_evaluation e join registration r on r.id = e.registration_id where r.session_id = s.id) e
cross join lateral (values ('HELD', 1::bigint, 0::bigint), ('SEATS', c.seats, 0), ('PRESENT', c.present, 0),
                           ('EVAL', e.n, e.score_sum)) f(measure, value, total)
where s.status <> 'CANCELLED' and c.present > 0 and (f.value <> 0 or f.total <> 0);

create table dashboard_fact (
    owner_kind      text   not null check (owner_kind in ('PERSON', 'SESSION')),
    owner_id        bigint not null,
    municipality_id bigint not null,
    organisation_id bigint not null,
    month           date   not null,
    day             date   not null,
    measure         text   not null,
    dim             text   not null,
    value           bigint not null,
    total           bigint not null
);
create index dashboard_fact_owner_idx on dashboard_fact (owner_kind, owner_id);
create index dashboard_fact_organisation_idx on dashboard_fact (organisation_id, measure) include (day)
    where owner_kind = 'PERSON' and measure in ('TRAINED', 'PATH');

-- organisation_id 0: the whole municipality; municipality_id 0: the whole country.
create table dashboard_month (
    municipality_id bigint not null,
    organisation_id bigint not null,
    measure         text   not null,
    month           date   not null,
    dim             text   not null,
    value           bigint not null,
    total           bigint not null,
    primary key (municipality_id, organisation_id, measure, month, dim)
);

-- Per organisation, all time: what the organisations table and "organisations reached" read.
create table dashboard_organisation (
    organisation_id  bigint primary key references organisation (id) on delete cascade,
    municipality_id  bigint not null,
    trained_total    int    not null,
    first_trained_on date,
    last_trained_on  date
);
create index dashboard_organisation_reached_idx on dashboard_organisation (municipality_id, first_trained_on);
create index dashboard_organisation_top_idx on dashboard_organisation (trained_total desc);

-- Evaluation texts for "Tell", without names: session title and date, score, the two free texts.
create table dashboard_comment (
    registration_id bigint      primary key,
    session_id      bigint      not null,
    municipality_id bigint      not null,
    session_title   text        not null,
    session_on      date        not null,
    score           smallint    not null,
    do_differently  text        not null,
    comment         text,
    answered_at     timestamptz not null
);
create index dashboard_comment_municipality_idx on dashboard_comment (municipality_id, answered_at desc);
create index dashboard_comment_recent_idx on dashboard_comment (answered_at desc);
create index dashboard_comment_session_idx on dashboard_comment (session_id);

-- The roll-up levels one fact counts in.
create function dashboard_levels(p_mun bigint, p_org bigint, p_measure text, p_dim text, p_sector text, p_village text)
    returns table (municipality_id bigint, organisation_id bigint, measure text, dim text)
    language sql immutable as $$
    select p_mun, p_org, p_measure, p_dim where p_org <> 0
    union all select p_mun, 0::bigint, p_measure, p_dim
    union all select 0::bigint, 0::bigint, p_measure, p_dim
    union all select m, 0::bigint, 'TRAINED_SECTOR', p_sector from (values (p_mun), (0::bigint)) v(m)
               where p_measure = 'TRAINED' and p_sector is not null
    union all select m, 0::bigint, 'TRAINED_VILLAGE', p_village from (values (p_mun), (0::bigint)) v(m)
               where p_measure = 'TRAINED' and p_village is not null and trim(p_village) <> ''
$$;

-- Recomputes what one person or session contributes and applies the difference. Called in the
-- transaction that changed the source rows, so the figures are current at commit.
create function dashboard_refresh(p_kind text, p_id bigint) returns void language plpgsql as $$
declare
    orgs bigint[];
begin
    -- One refresh per owner at a time; two owners touching the same sums only add, in key order.
    perform pg_advisory_xact_lock(case when p_kind = 'PERSON' then 8001 else 8002 end, (p_id % 2147483647)::int);
    with old as (
        delete from dashboard_fact where owner_kind = p_kind and owner_id = p_id
        returning municipality_id, organisation_id, month, measure, dim, -value as value, -total as total),
    fresh as (
        insert into dashboard_fact
        select * from dashboard_source where owner_kind = p_kind and owner_id = p_id
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
          left join organisation o on o.id = d.organisation_id
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
        insert into dashboard_comment
        select r.id, s.id, s.municipality_id, s.title, (s.starts_at at time zone 'Europe/Amsterdam')::date,
               e.score, e.do_differently, e.comment, e.answered_at
          from training_session s
          join registration r on r.session_id = s.id
          join session_evaluation e on e.registration_id = r.id
         where s.id = p_id and s.status <> 'CANCELLED';
    end if;
end
$$;

create function dashboard_refresh_organisations(orgs bigint[]) returns void language sql as $$
    insert into dashboard_organisation as d (organisation_id, municipality_id, trained_total, first_trained_on, last_trained_on)
    select o.id, o.municipality_id,
           count(f.owner_id) filter (where f.measure = 'TRAINED'),
           min(f.day) filter (where f.measure = 'TRAINED'),
           max(f.day) filter (where f.measure = 'PATH')
      from organisation o
      left join dashboard_fact f on f.organisation_id = o.id and f.owner_kind = 'PERSON' and f.measure in ('TRAINED', 'PATH')
     where o.id = any(orgs)
     group by o.id, o.municipality_id
     order by o.id
    on conflict (organisation_id) do update
        set municipality_id = excluded.municipality_id, trained_total = excluded.trained_total,
            first_trained_on = excluded.first_trained_on, last_trained_on = excluded.last_trained_on
$$;

-- Builds the whole read model from the source tables, set-based (first start, demo data, the
-- national-scale generator). Takes a lock so no refresh runs halfway through.
create function dashboard_rebuild() returns void language plpgsql as $$
begin
    lock table dashboard_fact, dashboard_month, dashboard_organisation, dashboard_comment in exclusive mode;
    truncate dashboard_fact, dashboard_month, dashboard_organisation, dashboard_comment;
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
    insert into dashboard_comment
    select r.id, s.id, s.municipality_id, s.title, (s.starts_at at time zone 'Europe/Amsterdam')::date,
           e.score, e.do_differently, e.comment, e.answered_at
      from training_session s
      join registration r on r.session_id = s.id
      join session_evaluation e on e.registration_id = r.id
     where s.status <> 'CANCELLED';
end
$$;

-- What a coalition aims for per year: people trained (optionally of one audience: shop staff,
-- professionals, churches and volunteers), organisations reached, sessions held.
create table coalition_target (
    id              bigint generated always as identity primary key,
    municipality_id bigint not null references municipality (id) on delete cascade,
    year            int    not null check (year between 2020 and 2100),
    kind            text   not null check (kind in ('TRAINED', 'ORGANISATIONS', 'SESSIONS')),
    audience        text   check (audience in ('PROFESSIONAL', 'SHOP', 'CHURCH')),
    target          int    not null check (target between 1 and 1000000),
    check (kind = 'TRAINED' or audience is null)
);
create unique index coalition_target_uk on coalition_target (municipality_id, year, kind, coalesce(audience, ''));

-- When an organisation is an "Omzien-partner": this share of its registered staff trained, and at
-- least this many people (a one-person shop with its one person trained qualifies with minimum 1).
create table coalition_settings (
    municipality_id       bigint primary key references municipality (id) on delete cascade,
    partner_share_percent int    not null default 75 check (partner_share_percent between 1 and 100),
    partner_min_trained   int    not null default 1 check (partner_min_trained between 1 and 1000)
);

-- Whatever is already in the database when this migration runs.
select dashboard_rebuild();
