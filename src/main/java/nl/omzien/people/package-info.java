/**
 * Municipalities, organisations and the people in them (participants and staff), their accounts and profiles.
 *
 * <p>Owns, in PostgreSQL schema {@code people} (jOOQ classes in {@code nl.omzien.people.internal.db}):
 * municipality, organisation, app_user, user_role, email_change. Publishes the read-only views {@code
 * v_municipality}, {@code v_organisation} and {@code v_person} (no password or tokens) for other features'
 * queries, generated into {@code nl.omzien.people.published}; other features write through its services, and
 * security reads accounts through {@link nl.omzien.security.Accounts}, which this feature implements.
 */
package nl.omzien.people;
