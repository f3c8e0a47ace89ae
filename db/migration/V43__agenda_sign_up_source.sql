-- Issue 21: a session sign-up asked for from the public agenda (the sign-up link with ?via=agenda) says so, so the
-- campaign figures can count sign-ups from the agenda once the person confirms their address (decision 026).
alter table onboarding.pending_session_signup add column via_agenda boolean not null default false;
