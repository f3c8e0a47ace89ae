/**
 * The coalition dashboard: how many people were trained, where, in which sector, against the
 * coalition's targets, and what participants say ("tellen en vertellen"). Figures come from a read
 * model kept up to date on write by listening to people, training, certificate and session events, and
 * rebuilt from the read-only views those features publish; it never reads their tables (see
 * docs/decisions/009-dashboard-read-model.md); exports (CSV, XLSX), the council report and the
 * Omzien-partner window sticker are built here too.
 */
package nl.omzien.dashboard;
