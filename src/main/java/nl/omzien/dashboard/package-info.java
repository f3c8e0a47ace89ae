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
 * coalition_target, coalition_settings; the view dashboard_source (internal, not published) and the functions
 * dashboard_levels, dashboard_refresh, dashboard_refresh_organisations, dashboard_rebuild,
 * dashboard_people_changed and dashboard_organisation_changed. The source view and the two trigger functions
 * still read other features' tables (being replaced by events).
 */
package nl.omzien.dashboard;
