-- Issue 17: someone registering through an invite link joins the organisation only once they follow the
-- mailed link (their address is confirmed). Until then the account belongs to no organisation, so fake
-- registrations cannot lower an organisation's trained share. Owned by onboarding.
create table pending_organisation (
    user_id         bigint      primary key references app_user (id) on delete cascade,
    organisation_id bigint      not null references organisation (id) on delete cascade,
    registered_at   timestamptz not null
);
