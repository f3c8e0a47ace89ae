/**
 * The read-only figures API (issue 22, decision 031): the coalition dashboard's figures as JSON under
 * {@code /api/v1}, for a municipality's own dashboards. A coalition lead creates and revokes API keys for their
 * municipality (shown once, stored as a SHA-256 hash); a call with a key gets the same tables as a publication
 * export, with every group under five hidden, rate-limited per key by the one throttle and written to the key's log.
 *
 * <p>Owns, in PostgreSQL schema {@code api} (jOOQ classes in {@code nl.omzien.api.internal.db}): api_key, api_key_event.
 */
package nl.omzien.api;
