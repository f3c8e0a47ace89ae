-- Issue 21, decision 025: "ik heb iemand doorverwezen". A trained person records in two taps that they noticed
-- or referred someone, and to which kind of help. Deliberately no text column: nothing about the resident can
-- be stored. tap_key is made once per tap (before the second tap); a double click or a resent request carries
-- the same key and the unique constraint keeps it to one row.
create table training.referral_tap (
    id        bigint      generated always as identity primary key,
    tap_key   uuid        not null unique,
    user_id   bigint      not null references people.app_user (id) on delete cascade,
    action    text        not null check (action in ('NOTICED', 'REFERRED')),
    help_kind text        not null check (help_kind in ('MELDPUNT', 'WELZIJN', 'HUISARTS', 'LINE_113', 'OTHER')),
    tapped_at timestamptz not null
);
create index referral_tap_tapped_idx on training.referral_tap (tapped_at);

create view training.v_referral_tap as
select t.id as tap_id, t.user_id, t.action, t.help_kind, t.tapped_at
  from training.referral_tap t;
comment on view training.v_referral_tap is
    'Published by training, read-only: taps "noticed / referred someone" with the kind of help; never anything about the resident.';
