-- Issue 22: accreditation points through PE-online (V&VN Kwaliteitsregister, Registerplein). A session may carry
-- the accreditation number PE-online gave the activity; a participant may add their BIG or register number,
-- only with their explicit consent to pass it on (consented_at). Withdrawing consent deletes the row.
alter table sessions.training_session add column accreditation_number text
    check (accreditation_number is null or length(trim(accreditation_number)) between 1 and 50);

create table people.professional_registration (
    user_id      bigint      primary key references people.app_user (id),
    kind         text        not null check (kind in ('BIG', 'REGISTER')),
    number       text        not null check (length(number) between 4 and 20),
    consented_at timestamptz not null
);
