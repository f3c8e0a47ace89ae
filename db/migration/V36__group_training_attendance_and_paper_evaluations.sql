-- Group training that counts (issue 20).

-- 1. certificates: the topics (module ids) of each attended session, so a learning path can ask for a
--    session of a given kind ("sessions: - covers: [herkennen, gesprek]"). Filled from SessionAttended;
--    the rows from before are completed once here from the sessions they name.
alter table certificates.certificate_attendance add column module_ids text[] not null default '{}';
update certificates.certificate_attendance a set module_ids = s.module_ids
  from sessions.training_session s where s.id = a.session_id;

-- 2. sessions: an evaluation on paper, typed in by the trainer for someone (a walk-in) who does not
--    answer online. Marked as such, so figures and comments can tell them apart.
alter table sessions.session_evaluation add column on_paper boolean not null default false;
alter table sessions.session_evaluation add column entered_by bigint references people.app_user (id) on delete set null;

-- 3. sessions: who was present at which (not cancelled) session, so the dashboard can tell people trained
--    in a group from people trained online without reading the registration table.
create view sessions.v_attendance as
select r.user_id as person_id, r.session_id, s.starts_at
  from sessions.registration r
  join sessions.training_session s on s.id = r.session_id
 where r.attendance = 'PRESENT' and s.status <> 'CANCELLED';
comment on view sessions.v_attendance is
    'Published by sessions, read-only: who was present at which session that was not cancelled, and when it started.';
