-- Issue 21: campaigns such as the Week tegen Eenzaamheid (decision 026). A coalition lead defines a campaign for
-- their municipality, tags sessions to it and adds activities that are not trainings; a public agenda and iCalendar
-- feed show them; trained people get one campaign mail each, at most once per campaign.
create schema if not exists campaigns;

create table campaigns.campaign (
    id              bigint generated always as identity primary key,
    municipality_id bigint      not null references people.municipality (id),
    name            text        not null check (length(trim(name)) between 2 and 150),
    starts_on       date        not null,
    -- The last day of the campaign.
    ends_on         date        not null,
    created_by      bigint      references people.app_user (id) on delete set null,
    created_at      timestamptz not null,
    check (ends_on >= starts_on and ends_on - starts_on <= 92)
);
create index campaign_municipality_idx on campaigns.campaign (municipality_id, starts_on);

-- Sessions that belong to a campaign (shown under the campaign on the agenda).
create table campaigns.campaign_session (
    campaign_id bigint not null references campaigns.campaign (id) on delete cascade,
    session_id  bigint not null references sessions.training_session (id) on delete cascade,
    primary key (campaign_id, session_id)
);

-- Things that are not trainings (a coffee morning, a walk), so the calendar is complete. No personal data.
create table campaigns.activity (
    id          bigint generated always as identity primary key,
    campaign_id bigint      not null references campaigns.campaign (id) on delete cascade,
    title       text        not null check (length(trim(title)) between 2 and 150),
    starts_at   timestamptz not null,
    ends_at     timestamptz not null,
    place       text        not null check (length(trim(place)) between 2 and 150),
    organiser   text        not null check (length(trim(organiser)) between 2 and 150),
    description text        check (description is null or length(description) <= 2000),
    link        text        check (link is null or (link ~ '^https?://[^\s]+$' and length(link) <= 500)),
    created_by  bigint      references people.app_user (id) on delete set null,
    created_at  timestamptz not null,
    check (ends_at > starts_at)
);
create index activity_campaign_idx on campaigns.activity (campaign_id, starts_at);

-- The one campaign mail per person per campaign: the primary key makes a second one impossible, across restarts
-- and with several instances (the row is written in the transaction that queues the mail).
create table campaigns.campaign_mail (
    campaign_id bigint      not null references campaigns.campaign (id) on delete cascade,
    person_id   bigint      not null references people.app_user (id) on delete cascade,
    mailed_at   timestamptz not null,
    -- The secret of the mail's "no more campaign mail" link (only its hash).
    opt_out_token_hash text unique,
    primary key (campaign_id, person_id)
);

-- People who asked for no more campaign mail (any campaign, any municipality).
create table campaigns.mail_opt_out (
    person_id    bigint      primary key references people.app_user (id) on delete cascade,
    opted_out_at timestamptz not null
);

-- A session sign-up that came through the public agenda and was confirmed (the person followed their mail link).
-- Counted on the dashboard; who it was is kept only to count each person once per session.
create table campaigns.agenda_sign_up (
    session_id   bigint      not null references sessions.training_session (id) on delete cascade,
    person_id    bigint      not null references people.app_user (id) on delete cascade,
    signed_up_at timestamptz not null,
    primary key (session_id, person_id)
);
