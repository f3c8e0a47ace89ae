/**
 * Local contacts: where people in a municipality can be referred to (meldpunt, welzijn, wijkteam, ...).
 * A coalition lead keeps their own municipality's list; participants see it in the "doorverwijzen" module
 * ({@link nl.omzien.contacts.LocalHelpPanel}) and print it as a one-page card.
 */
package nl.omzien.contacts;
