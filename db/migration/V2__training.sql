-- Training content snapshots and learner progress.

-- Every module version the app has seen, with its files, so a learner finishes the version they started.
create table module_version (
    module_id    text        not null check (module_id ~ '^[a-z0-9][a-z0-9-]*$'),
    version      int         not null check (version >= 1),
    content_hash text        not null,
    title_nl     text        not null,
    title_en     text        not null,
    loaded_at    timestamptz not null default now(),
    primary key (module_id, version)
);

create table module_file (
    module_id text not null,
    version   int  not null,
    path      text not null,
    content   text not null,
    primary key (module_id, version, path),
    foreign key (module_id, version) references module_version (module_id, version) on delete cascade
);

-- One run through a module by one person. Only one unfinished attempt per person and module.
create table module_attempt (
    id              bigint generated always as identity primary key,
    user_id         bigint      not null references app_user (id) on delete cascade,
    module_id       text        not null,
    version         int         not null,
    audience        text        not null check (audience in ('PROFESSIONAL', 'SHOP', 'CHURCH')),
    current_step_id text,
    started_at      timestamptz not null,
    completed_at    timestamptz,
    score_percent   int check (score_percent between 0 and 100),
    passed          boolean,
    foreign key (module_id, version) references module_version (module_id, version),
    check ((completed_at is null) = (passed is null))
);
create unique index module_attempt_open_uk on module_attempt (user_id, module_id) where completed_at is null;
create index module_attempt_user_idx on module_attempt (user_id, module_id, started_at desc);

-- A step seen and (once) completed; seconds spent add up over visits.
create table step_progress (
    attempt_id    bigint      not null references module_attempt (id) on delete cascade,
    step_id       text        not null,
    first_seen_at timestamptz not null,
    completed_at  timestamptz,
    seconds_spent int         not null default 0 check (seconds_spent >= 0),
    primary key (attempt_id, step_id)
);

-- Each reply chosen in a scenario; run counts "try again" rounds.
create table scenario_choice (
    id          bigint generated always as identity primary key,
    attempt_id  bigint      not null references module_attempt (id) on delete cascade,
    step_id     text        not null,
    run         int         not null check (run >= 1),
    position    int         not null check (position >= 1),
    node_id     text        not null,
    reply_index int         not null check (reply_index >= 0),
    next_node   text        not null,
    quality     text        not null check (quality in ('GOOD', 'MIXED', 'POOR')),
    chosen_at   timestamptz not null,
    unique (attempt_id, step_id, run, position)
);

-- Every quiz submission with its score; answers as question id -> chosen option indexes.
create table quiz_submission (
    id            bigint generated always as identity primary key,
    attempt_id    bigint      not null references module_attempt (id) on delete cascade,
    step_id       text        not null,
    correct_count int         not null check (correct_count >= 0),
    question_count int        not null check (question_count > 0 and correct_count <= question_count),
    passed        boolean     not null,
    answers       text        not null,
    submitted_at  timestamptz not null
);
create index quiz_submission_attempt_idx on quiz_submission (attempt_id, step_id);

-- Private to the learner: no staff view or report reads this table.
create table reflection_answer (
    attempt_id bigint      not null references module_attempt (id) on delete cascade,
    step_id    text        not null,
    answer     text        not null check (length(answer) <= 4000),
    updated_at timestamptz not null,
    primary key (attempt_id, step_id)
);

-- Confidence before (PRE) and after (POST) a module, 1-5 per statement.
create table self_assessment (
    attempt_id bigint      not null references module_attempt (id) on delete cascade,
    phase      text        not null check (phase in ('PRE', 'POST')),
    recognise  smallint    not null check (recognise between 1 and 5),
    raise      smallint    not null check (raise between 1 and 5),
    refer      smallint    not null check (refer between 1 and 5),
    answered_at timestamptz not null,
    primary key (attempt_id, phase)
);

-- The follow-up question three months after completing; answered from a link in the mail.
create table follow_up (
    attempt_id  bigint      primary key references module_attempt (id) on delete cascade,
    due_at      timestamptz not null,
    token_hash  text        unique,
    mailed_at   timestamptz,
    answered_at timestamptz,
    noticed     boolean,
    story       text check (length(story) <= 4000)
);
create index follow_up_due_idx on follow_up (due_at) where mailed_at is null;
