/**
 * Municipalities, organisations and the people in them (participants and staff), their accounts and profiles.
 *
 * <p>Owns, in PostgreSQL schema {@code people} (jOOQ classes in {@code nl.omzien.people.internal.db}):
 * municipality, organisation, app_user, user_role, email_change, coalition_sector (sectors a coalition added, issue 21). Publishes the read-only views {@code
 * v_municipality}, {@code v_organisation} and {@code v_person} (no password or tokens) for other features'
 * queries, Java (generated into {@code nl.omzien.people.published}) and SQL (the dashboard's functions) alike;
 * other features write through its services. Two features people depends on read accounts through an
 * interface of their own that this feature implements, so there is no cycle: security through {@link
 * nl.omzien.security.Accounts}, privacy through {@link nl.omzien.privacy.PersonalDataSubjects} (who is
 * live, inactive, last seen; names for the audit log).
 */
package nl.omzien.people;
