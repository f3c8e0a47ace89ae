-- Issue 16: a participant who scans the check-in code before the start has arrived, but is not yet
-- present: attendance (and so certificates) follows only once the session has begun, and never over
-- what the trainer recorded. The arrival time is kept apart from attendance for that reason.
alter table registration add column checked_in_at timestamptz;
create index registration_checked_in_idx on registration (session_id) where checked_in_at is not null and attendance is null;
