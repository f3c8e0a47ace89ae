-- Walk-ins (issue 20): a trainer adds someone at the door of a group session with name and organisation;
-- the e-mail address is optional. Such a person has no sign-in until an address is added.
alter table people.app_user alter column email drop not null;

-- Who was added at the door, by whom: such an account may get its e-mail address later from staff.
alter table people.app_user add column walk_in_added_by bigint references people.app_user (id) on delete set null;

-- When a walk-in turns out to be someone who already has an account (same e-mail address), the walk-in's
-- registrations and certificates move to that account and the walk-in row stays behind, disabled, pointing
-- at it: other features' history that names the old id (audit entries) keeps a target, and no person counts twice.
alter table people.app_user add column merged_into bigint references people.app_user (id);
alter table people.app_user add constraint app_user_merged_is_disabled check (merged_into is null or not enabled);
