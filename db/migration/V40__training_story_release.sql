-- Issue 21, decision 025: a coalition lead may release a follow-up story for the dashboard and the council
-- report, after an optional edit that removes names. The participant's original stays in follow_up.story,
-- read only by the lead of their municipality; what is shown is this copy. A story its author changes or
-- removes loses its release (the training feature deletes the row), so nothing is shown that no lead read.
create table training.story_release (
    attempt_id  bigint      primary key references training.follow_up (attempt_id) on delete cascade,
    shown_text  text        not null check (length(btrim(shown_text)) between 1 and 4000),
    approved_by bigint      references people.app_user (id) on delete set null,
    approved_at timestamptz not null
);

-- The three-month follow-up answers, without the story text or the link.
create view training.v_follow_up_answer as
select f.attempt_id, a.user_id, a.module_id, a.audience, f.answered_at, f.noticed
  from training.follow_up f
  join training.module_attempt a on a.id = f.attempt_id
 where f.answered_at is not null and f.noticed is not null;
comment on view training.v_follow_up_answer is
    'Published by training, read-only: follow-up answers (noticed or raised loneliness: yes/no) per attempt, without stories.';

-- Only released stories, only their edited copy; never the original.
create view training.v_released_story as
select r.attempt_id, a.user_id, a.module_id, r.shown_text, r.approved_at, f.answered_at
  from training.story_release r
  join training.follow_up f on f.attempt_id = r.attempt_id
  join training.module_attempt a on a.id = r.attempt_id
 where f.story is not null;
comment on view training.v_released_story is
    'Published by training, read-only: follow-up stories a coalition lead released, as edited for showing; never the original.';

-- Self-assessment sums (3..15) before and after per completed attempt, with the module's audience variant.
create view training.v_attempt_confidence as
select a.id as attempt_id, a.user_id, a.module_id, a.audience, a.completed_at,
       pre.recognise + pre.raise + pre.refer as confidence_before,
       post.recognise + post.raise + post.refer as confidence_after
  from training.module_attempt a
  join training.self_assessment pre on pre.attempt_id = a.id and pre.phase = 'PRE'
  join training.self_assessment post on post.attempt_id = a.id and post.phase = 'POST'
 where a.completed_at is not null;
comment on view training.v_attempt_confidence is
    'Published by training, read-only: completed attempts with audience and self-assessment sums before and after.';
