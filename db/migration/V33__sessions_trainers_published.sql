-- Issue 20, part A: what the trainers feature reads of sessions, published by sessions. Who gave which session
-- (sessions led, lapsed trainers with future sessions, the first session given beside a qualified trainer) and
-- who was present (a trainer's own figures: the confidence before and after of their group).
create view sessions.v_session_trainer as
select t.session_id, t.user_id as trainer_id, s.municipality_id, s.title, s.module_ids, s.starts_at, s.ends_at,
       s.status = 'CANCELLED' as cancelled
  from sessions.session_trainer t
  join sessions.training_session s on s.id = t.session_id;
comment on view sessions.v_session_trainer is
    'Published by sessions, read-only: the trainers of each session with its municipality, title, modules, times and whether it was cancelled.';

create or replace view sessions.v_registration as
select r.id, r.session_id, r.user_id, coalesce(r.attendance = 'PRESENT', false) as present
  from sessions.registration r;
comment on view sessions.v_registration is
    'Published by sessions, read-only: which account registered for which session and whether they were present (no status or answers).';
