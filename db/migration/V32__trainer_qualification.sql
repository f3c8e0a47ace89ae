-- Issue 20, part A: train the trainers. A trainer is qualified for a municipality until a date: through the
-- trainer path (its modules, a train-the-trainer session attended, then a first session given together with a
-- qualified trainer) or recorded by a lead or admin from outside evidence. Only a qualified trainer may be put
-- on a session as its trainer (sessions asks through its TrainerQualifications port). See decision 022.
create schema if not exists trainers;

create table trainers.qualification (
    id              bigint generated always as identity primary key,
    person_id       bigint      not null references people.app_user (id),
    municipality_id bigint      not null references people.municipality (id),
    source          text        not null check (source in ('PATH', 'EXTERNAL')),
    qualified_on    date        not null,
    -- The last day the qualification holds.
    expires_on      date        not null,
    -- What a lead saw for an external qualification ("Train-de-trainer Oldengarm 2020, certificaat gezien").
    evidence        text        check (evidence is null or length(trim(evidence)) between 3 and 1000),
    recorded_by     bigint      references people.app_user (id) on delete set null,
    recorded_at     timestamptz not null,
    -- The one reminder 60 days before expires_on.
    reminded_at     timestamptz,
    check (expires_on > qualified_on)
);
create index qualification_person_idx on trainers.qualification (person_id, municipality_id, expires_on desc);
create index qualification_municipality_idx on trainers.qualification (municipality_id, expires_on);

-- Someone on the way through the trainer path: the path's modules done (its certificate), the train-the-trainer
-- session attended. The first session they give beside a qualified trainer completes it (TrainerJobs).
create table trainers.candidate (
    person_id         bigint      primary key references people.app_user (id),
    path_completed_at timestamptz,
    ttt_session_id    bigint,
    ttt_attended_at   timestamptz,
    qualified_at      timestamptz
);

-- Per municipality (its coalition): how long a qualification lasts and how many sessions a year keep a trainer
-- active. Without a row the application's defaults hold (omzien.trainers.*).
create table trainers.trainer_rule (
    municipality_id       bigint      primary key references people.municipality (id),
    validity_months       integer     not null check (validity_months between 6 and 120),
    min_sessions_per_year integer     not null check (min_sessions_per_year between 0 and 52),
    changed_by            bigint      references people.app_user (id) on delete set null,
    changed_at            timestamptz not null
);
