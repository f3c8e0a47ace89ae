/**
 * Read-only views the sessions feature publishes for the other features (jOOQ classes generated from the
 * {@code v_*} views of schema {@code sessions}, see V26__one_set_of_published_views.sql): {@code v_registration}
 * (which account registered for which session), {@code v_session_figures} (per session its place, start and
 * counts) and {@code v_evaluation_comment} (evaluation scores and texts, without names). Writing goes through
 * the sessions services.
 */
@NamedInterface("published")
package nl.omzien.sessions.published;

import org.springframework.modulith.NamedInterface;
