-- Issue 18: loneliness figures belong to the municipality, not to the module text. The coalition lead
-- enters a figure with its group, year and source on "Hulp in je gemeente"; the lesson "Hoe vaak komt
-- eenzaamheid voor?" shows the learner's own municipality's figures, and nothing when there are none.

create table local_figure (
    id              bigint generated always as identity primary key,
    municipality_id bigint       not null references municipality (id) on delete cascade,
    -- Who the figure is about, in the lead's words: "volwassenen (18+)", "65-plussers", "jongeren 12-18 jaar".
    population      text         not null check (length(trim(population)) between 2 and 100),
    percent         numeric(4,1) not null check (percent between 0 and 100),
    year            integer      not null check (year between 1990 and 2100),
    source          text         not null check (length(trim(source)) between 2 and 300),
    updated_at      timestamptz  not null,
    updated_by      bigint       references app_user (id) on delete set null
);
create index local_figure_municipality_idx on local_figure (municipality_id, year desc);
