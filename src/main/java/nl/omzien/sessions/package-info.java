/**
 * Group sessions: planning, sign-up, waitlist and offers, attendance, evaluations and calendar files.
 *
 * <p>Owns, in PostgreSQL schema {@code sessions} (jOOQ classes in {@code nl.omzien.sessions.internal.db}):
 * training_session, session_trainer, session_seat_state, registration, session_audit, session_interest,
 * calendar_feed, session_evaluation; the trigger functions session_seat_state_copy and
 * registration_count_seats. Publishes the read-only views v_registration (which account registered for
 * which session, and whether they were present), v_session_figures and v_evaluation_comment (the dashboard's SQL
 * reads those two) and v_session_trainer (who gave which session, for the trainers feature), generated into
 * {@code nl.omzien.sessions.published}. Asks {@link nl.omzien.sessions.TrainerQualifications} (implemented by
 * trainers) who may lead a session.
 */
package nl.omzien.sessions;
