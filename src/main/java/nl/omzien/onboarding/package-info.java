/**
 * Participants without passwords: sign-in by a one-time link in their mail (Spring Security's
 * one-time-token login, with tokens kept hashed in PostgreSQL). Staff keep password sign-in.
 */
package nl.omzien.onboarding;
