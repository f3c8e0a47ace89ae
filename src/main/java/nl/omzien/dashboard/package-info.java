/**
 * The coalition dashboard: how many people were trained, where, in which sector, against the
 * coalition's targets, and what participants say ("tellen en vertellen"). Figures come from a read
 * model kept up to date on write by listening to people, training, certificate and session events, and
 * rebuilt from the read-only views those features publish; it never reads their tables (see
 * docs/decisions/009-dashboard-read-model.md); exports (CSV, XLSX), the council report and the
 * Omzien-partner window sticker are built here too.
 *
 * <p>Owns, in PostgreSQL schema {@code dashboard} (jOOQ classes in {@code nl.omzien.dashboard.internal.db}):
 * dashboard_fact, dashboard_month, dashboard_organisation, dashboard_comment, dashboard_staff,
 * dashboard_known_person, dashboard_known_organisation, coalition_target, coalition_settings, partner (issue 21:
 * Omzien-partners since/valid until and their public page's id, decision 027); the view
 * dashboard_contribution (internal, not published) and the functions dashboard_levels, dashboard_refresh,
 * dashboard_refresh_organisations, dashboard_rebuild, dashboard_person_placed, dashboard_organisation_placed
 * and dashboard_know_person. Of other features it reads only their published {@code v_*} views: people's
 * v_person, v_organisation, v_municipality; training's v_attempt_outcome (and, for the effect section, v_follow_up_answer, v_released_story,
 * v_attempt_confidence, v_referral_tap); certificates'
 * v_first_certificate_per_path; sessions' v_session_figures, v_evaluation_comment and v_registration.
 */
package nl.omzien.dashboard;
