/**
 * Participants without passwords: sign-in by a one-time link in their mail (Spring Security's
 * one-time-token login, with tokens kept hashed in PostgreSQL). Staff keep password sign-in.
 *
 * <p>Owns, in PostgreSQL schema {@code onboarding} (jOOQ classes in {@code nl.omzien.onboarding.internal.db}):
 * sign_in_link, organisation_invite, session_invite, privacy_consent,
 * pending_session_signup, pending_organisation.
 */
package nl.omzien.onboarding;
