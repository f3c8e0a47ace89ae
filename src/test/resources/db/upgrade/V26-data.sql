-- Representative data as the release with migrations V1..V26 wrote it (schemas after V23), for
-- UpgradeFromPreviousReleaseTest. Written for that schema: do not change it when the schema moves on;
-- that is the point. :password_hash is filled in by the test (the demo password, hashed).

insert into people.municipality (name) values ('Oldambt');
insert into people.organisation (municipality_id, name, sector, village)
select id, 'Kapsalon De Schaar', 'HAIRDRESSER', 'Winschoten' from people.municipality where name = 'Oldambt';

insert into people.app_user (email, full_name, password_hash, organisation_id, locale)
select 'anna.upgrade@oldambt.example', 'Anna Veldkamp', :password_hash, id, 'nl'
from people.organisation where name = 'Kapsalon De Schaar';
insert into people.app_user (email, full_name, password_hash, municipality_id, locale)
select 'trainer.upgrade@oldambt.example', 'Bert Mulder', :password_hash, id, 'en'
from people.municipality where name = 'Oldambt';
insert into people.user_role (user_id, role)
select id, 'PARTICIPANT' from people.app_user where email = 'anna.upgrade@oldambt.example';
insert into people.user_role (user_id, role)
select id, 'TRAINER' from people.app_user where email = 'trainer.upgrade@oldambt.example';

-- Anna finished "herkennen" and is half-way through "gesprek" (versions as the modules had them then).
insert into training.module_version (module_id, version, content_hash, title_nl, title_en) values
    ('herkennen', 3, 'hash-at-release-v26', 'Eenzaamheid herkennen', 'Recognising loneliness'),
    ('gesprek', 4, 'hash-at-release-v26', 'Het gesprek aangaan', 'Starting the conversation');
insert into training.module_attempt (user_id, module_id, version, audience, current_step_id, started_at, completed_at, score_percent, passed)
select id, 'herkennen', 3, 'SHOP', null, timestamptz '2026-09-01 10:00+02', timestamptz '2026-09-01 10:40+02', 90, true
from people.app_user where email = 'anna.upgrade@oldambt.example';
insert into training.module_attempt (user_id, module_id, version, audience, current_step_id, started_at)
select id, 'gesprek', 4, 'SHOP', null, timestamptz '2026-09-08 10:00+02'
from people.app_user where email = 'anna.upgrade@oldambt.example';

-- A session in Winschoten far ahead, with Anna's seat; the trainer leads it.
insert into sessions.training_session (title, starts_at, ends_at, capacity, registration_deadline, municipality_id, location,
                                       created_by, created_at, updated_at)
select 'Signalen herkennen in Winschoten', timestamptz '2099-03-12 19:30+01', timestamptz '2099-03-12 21:00+01', 12,
       timestamptz '2099-03-12 19:30+01', m.id, 'Dorpshuis Winschoten', u.id, now(), now()
from people.municipality m, people.app_user u where m.name = 'Oldambt' and u.email = 'trainer.upgrade@oldambt.example';
insert into sessions.registration (session_id, user_id, status, arrival, created_at, updated_at)
select s.id, u.id, 'CONFIRMED', 1, now(), now()
from sessions.training_session s, people.app_user u
where s.title = 'Signalen herkennen in Winschoten' and u.email = 'anna.upgrade@oldambt.example';

-- Her certificate, with its PDF not rendered yet (the retry job renders it after the upgrade).
insert into certificates.certificate (code, user_id, path_id, cycle, holder_name, organisation_name, municipality_id,
                                      municipality_name, path_title_nl, path_title_en, completed_on, issued_at, expires_at,
                                      pdf_next_attempt_at)
select 'OMZ-UPGR-ADE2-V26A', u.id, 'signaleerder', 1, 'Anna Veldkamp', 'Kapsalon De Schaar', m.id, 'Oldambt',
       'Signaleerder eenzaamheid', 'Loneliness signaller', date '2026-09-01', timestamptz '2026-09-01 10:40+02',
       timestamptz '2028-09-01 10:40+02', null
from people.app_user u, people.municipality m where u.email = 'anna.upgrade@oldambt.example' and m.name = 'Oldambt';

-- A mail still waiting in the outbox at the upgrade.
insert into notifications.mail_outbox (recipient, subject, body_text, next_attempt_at)
values ('anna.upgrade@oldambt.example', 'Tot dinsdag', 'Tot dinsdag in het dorpshuis.', now());
