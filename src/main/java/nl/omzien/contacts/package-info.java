/**
 * Local contacts: where people in a municipality can be referred to (meldpunt, welzijn, wijkteam, ...).
 * A coalition lead keeps their own municipality's list; participants see it in the "doorverwijzen" module
 * ({@link nl.omzien.contacts.LocalHelpPanel}) and print it as a one-page card.
 *
 * <p>Owns, in PostgreSQL schema {@code contacts} (jOOQ classes in {@code nl.omzien.contacts.internal.db}):
 * local_contact, local_figure.
 */
package nl.omzien.contacts;
