-- Each feature owns its tables in a PostgreSQL schema named after its package (issue 19), so the jOOQ
-- classes of one feature's tables are generated into that feature's internal package and a reach-in from
-- another feature fails ModularityTests. Which feature owns a table: the one whose code writes it (see
-- each feature's package-info). Tables keep their data, keys, indexes and triggers; views and foreign keys
-- follow by reference. Functions move with the feature that owns them and get a search_path instead of
-- rewritten bodies, so their unqualified table names keep resolving (and later CREATE OR REPLACE of a body
-- elsewhere survives the move). The pg_trgm extension stays in public.

create schema if not exists people;
create schema if not exists security;
create schema if not exists onboarding;
create schema if not exists training;
create schema if not exists sessions;
create schema if not exists certificates;
create schema if not exists notifications;
create schema if not exists contacts;
create schema if not exists privacy;
create schema if not exists dashboard;

-- people: municipalities, organisations, accounts and their roles, pending e-mail changes.
alter table municipality set schema people;
alter table organisation set schema people;
alter table app_user set schema people;
alter table user_role set schema people;
alter table email_change set schema people;

-- security: password sign-in throttle, staff second factor, remember-me, sign out everywhere.
alter table login_attempt set schema security;
alter table staff_totp set schema security;
alter table staff_recovery_code set schema security;
alter table remember_me_token set schema security;
alter table signed_out_everywhere set schema security;

-- onboarding: sign-in links, invites and what an invite registration asked for.
alter table sign_in_link set schema onboarding;
alter table sign_in_request set schema onboarding;
alter table organisation_invite set schema onboarding;
alter table session_invite set schema onboarding;
alter table privacy_consent set schema onboarding;
alter table pending_session_signup set schema onboarding;
alter table pending_organisation set schema onboarding;

-- training: module versions and files, attempts and everything recorded in them, follow-up.
alter table module_version set schema training;
alter table module_file set schema training;
alter table module_attempt set schema training;
alter table step_progress set schema training;
alter table scenario_choice set schema training;
alter table quiz_submission set schema training;
alter table reflection_answer set schema training;
alter table self_assessment set schema training;
alter table follow_up set schema training;

-- sessions: group sessions, their seats, registrations, audit, interest, calendar feeds, evaluations.
alter table training_session set schema sessions;
alter table session_trainer set schema sessions;
alter table session_seat_state set schema sessions;
alter table registration set schema sessions;
alter table session_audit set schema sessions;
alter table session_interest set schema sessions;
alter table calendar_feed set schema sessions;
alter table session_evaluation set schema sessions;
alter function session_seat_state_copy() set schema sessions;
alter function sessions.session_seat_state_copy() set search_path = sessions, public;
alter function registration_count_seats() set schema sessions;
alter function sessions.registration_count_seats() set search_path = sessions, public;

-- certificates: certificates, the attendance they count, the municipality logos printed on them.
alter table certificate set schema certificates;
alter table certificate_attendance set schema certificates;
alter table municipality_logo set schema certificates;

-- notifications: the outbox.
alter table mail_outbox set schema notifications;

-- contacts: local contacts and local figures.
alter table local_contact set schema contacts;
alter table local_figure set schema contacts;

-- privacy: the log of staff actions on personal data.
alter table personal_data_audit set schema privacy;

-- dashboard: the read model, targets and settings. Its source view and the triggers that feed it from
-- other features' tables are being replaced by events; until then they move along unchanged and their
-- functions look in the schemas they read.
alter table dashboard_fact set schema dashboard;
alter table dashboard_month set schema dashboard;
alter table dashboard_organisation set schema dashboard;
alter table dashboard_comment set schema dashboard;
alter table dashboard_staff set schema dashboard;
alter table coalition_target set schema dashboard;
alter table coalition_settings set schema dashboard;
-- Conditional: the source view and trigger functions are being replaced by events in a parallel change
-- (V22); whichever of them still exists moves.
alter view if exists dashboard_source set schema dashboard;
do $$
declare
    f text;
begin
    foreach f in array array['dashboard_levels(bigint, bigint, text, text, text, text)', 'dashboard_refresh(text, bigint)',
                             'dashboard_refresh_organisations(bigint[])', 'dashboard_rebuild()',
                             'dashboard_people_changed()', 'dashboard_organisation_changed()',
                             'dashboard_person_placed(bigint, bigint, bigint)',
                             'dashboard_organisation_placed(bigint, bigint, text, text)',
                             'dashboard_know_person(bigint)'] loop
        if to_regprocedure('public.' || f) is not null then
            execute 'alter function public.' || f || ' set schema dashboard';
            -- dashboard_levels reads no table and keeps no search_path, so PostgreSQL can still inline it.
            if f not like 'dashboard_levels%' then
                execute 'alter function dashboard.' || f
                        || ' set search_path = dashboard, people, training, sessions, certificates, public';
            end if;
        end if;
    end loop;
end
$$;

-- V22's event-fed read model: the dashboard's own copy of where people and organisations are, and the
-- read-only views other features publish for its SQL (named <owner>_published_<what>), each moved into
-- its owner's schema. The dashboard functions above find them through their search_path.
alter table if exists dashboard_known_person set schema dashboard;
alter table if exists dashboard_known_organisation set schema dashboard;
alter view if exists dashboard_contribution set schema dashboard;
alter view if exists people_published_person_placement set schema people;
alter view if exists people_published_organisations set schema people;
alter view if exists people_published_municipalities set schema people;
alter view if exists certificates_published_first_per_path set schema certificates;
alter view if exists training_published_attempt_outcomes set schema training;
alter view if exists sessions_published_session_figures set schema sessions;
alter view if exists sessions_published_evaluation_comments set schema sessions;

-- Read-only views a feature publishes for the others (prefix v_): the only objects of another feature's
-- schema that a feature's SQL may name. They are generated into <feature>.published, a named interface
-- of the owning module; everything else of a schema is generated into <feature>.internal.db.
create view people.v_municipality as
select m.id, m.name from people.municipality m;

create view people.v_organisation as
select o.id, o.municipality_id, o.name, o.sector, o.village from people.organisation o;

-- municipality_id: the person's own (staff); a participant's is their organisation's (join v_organisation).
create view people.v_person as
select u.id, u.full_name, u.email, u.locale, u.organisation_id, u.municipality_id, u.enabled,
       array(select r.role from people.user_role r where r.user_id = u.id order by r.role) as roles
  from people.app_user u;
