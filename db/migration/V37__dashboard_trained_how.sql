-- The dashboard counts people trained in a group like people trained online (issue 20): a person trained
-- by the attendance-only path has a certificate, so TRAINED already counts them. New: TRAINED_HOW, one per
-- trained person on the day they first counted, with dim ONLINE (passed a module, never present at a
-- session), GROUP (present at a session, no module passed) or BOTH. It rolls up per organisation,
-- municipality and nationally like any measure; small numbers are hidden on screen as everywhere.
-- V22's view with that one part added; names as V26 left them.
create or replace view dashboard.dashboard_contribution as
select 'PERSON'::text as owner_kind, p.person_id as owner_id,
       coalesce(o.municipality_id, p.municipality_id) as municipality_id,
       coalesce(p.organisation_id, 0::bigint) as organisation_id,
       date_trunc('month', f.day)::date as month, f.day, f.measure, f.dim, f.value::bigint as value, f.total::bigint as total
from dashboard.dashboard_known_person p
left join dashboard.dashboard_known_organisation o on o.organisation_id = p.organisation_id
cross join lateral (
    (select 'TRAINED'::text as measure, c.path_id as dim, c.completed_on as day, 1 as value, 0 as total
       from certificates.v_first_certificate_per_path c where c.user_id = p.person_id
      order by c.completed_on, c.certificate_id limit 1)
    union all
    (select 'TRAINED_HOW', case when online.yes and grouped.yes then 'BOTH' when grouped.yes then 'GROUP' else 'ONLINE' end,
            c.completed_on, 1, 0
       from certificates.v_first_certificate_per_path c
      cross join lateral (select exists (select 1 from training.v_attempt_outcome a
                                          where a.user_id = p.person_id and a.passed) as yes) online
      cross join lateral (select exists (select 1 from sessions.v_attendance s
                                          where s.person_id = p.person_id) as yes) grouped
      where c.user_id = p.person_id
      order by c.completed_on, c.certificate_id limit 1)
    union all
    select 'PATH', c.path_id, c.completed_on, 1, 0
      from certificates.v_first_certificate_per_path c where c.user_id = p.person_id
    union all
    (select 'STARTED', '', (a.started_at at time zone 'Europe/Amsterdam')::date, 1, 0
       from training.v_attempt_outcome a where a.user_id = p.person_id order by a.started_at, a.attempt_id limit 1)
    union all
    (select distinct on (a.module_id) 'MODULE', a.module_id, (a.completed_at at time zone 'Europe/Amsterdam')::date, 1, 0
       from training.v_attempt_outcome a where a.user_id = p.person_id and a.passed
      order by a.module_id, a.completed_at, a.attempt_id)
    union all
    select m.measure, a.module_id, (a.confidence_after_at at time zone 'Europe/Amsterdam')::date, 1,
           case when m.measure = 'CONF_PRE' then a.confidence_before else a.confidence_after end
      from training.v_attempt_outcome a
     cross join (values ('CONF_PRE'), ('CONF_POST')) m(measure)
     where a.user_id = p.person_id and a.completed_at is not null
       and a.confidence_before is not null and a.confidence_after is not null
) f
where coalesce(o.municipality_id, p.municipality_id) is not null
union all
select 'SESSION'::text, s.session_id, s.municipality_id, coalesce(s.organisation_id, 0::bigint),
       date_trunc('month', s.starts_at at time zone 'Europe/Amsterdam')::date,
       (s.starts_at at time zone 'Europe/Amsterdam')::date, f.measure, '', f.value::bigint, f.total::bigint
from sessions.v_session_figures s
cross join lateral (values ('HELD', 1::bigint, 0::bigint), ('SEATS', s.seats, 0), ('PRESENT', s.present, 0),
                           ('EVAL', s.evaluations, s.score_sum)) f(measure, value, total)
where not s.cancelled and s.present > 0 and (f.value <> 0 or f.total <> 0);

-- Existing people get their TRAINED_HOW once, here (dashboard_rebuild would do the same, for everything).
insert into dashboard.dashboard_fact
select c.* from dashboard.dashboard_contribution c where c.owner_kind = 'PERSON' and c.measure = 'TRAINED_HOW';
insert into dashboard.dashboard_month (municipality_id, organisation_id, measure, month, dim, value, total)
select l.municipality_id, l.organisation_id, l.measure, f.month, l.dim, sum(f.value), sum(f.total)
  from dashboard.dashboard_fact f
 cross join lateral dashboard.dashboard_levels(f.municipality_id, f.organisation_id, f.measure, f.dim, null, null) l
 where f.measure = 'TRAINED_HOW'
 group by 1, 2, 3, 4, 5;
