-- The municipality's logo on its certificates, and the expiry reminder mark.

-- Stored as a PNG normalised at upload (an SVG is drawn to PNG then), so issuing never parses an SVG.
create table municipality_logo (
    municipality_id bigint      primary key references municipality (id) on delete cascade,
    png             bytea       not null,
    width_px        int         not null check (width_px between 1 and 2000),
    height_px       int         not null check (height_px between 1 and 2000),
    source_type     text        not null check (source_type in ('PNG', 'SVG')),
    uploaded_at     timestamptz not null,
    uploaded_by     bigint      references app_user (id) on delete set null
);

-- Set when the "your certificate expires in 30 days" mail was queued (or there was nobody to mail):
-- the reminder job sends each certificate's reminder once, across restarts and app instances.
alter table certificate add column expiry_reminded_at timestamptz;
create index certificate_reminder_due_idx on certificate (expires_at)
    where status = 'ISSUED' and expiry_reminded_at is null and expires_at is not null;
