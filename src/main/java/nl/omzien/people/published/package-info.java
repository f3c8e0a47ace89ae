/**
 * Read-only views the people feature publishes for the other features (jOOQ classes generated from the
 * {@code v_*} views of schema {@code people}, see V23__feature_schemas.sql and V26): {@code v_municipality},
 * {@code v_organisation}, {@code v_person} (no password or tokens). Joining them, from jOOQ or from SQL (the
 * dashboard's functions), is the only way another feature's query may read people's data; writing goes
 * through the people services.
 */
@NamedInterface("published")
package nl.omzien.people.published;

import org.springframework.modulith.NamedInterface;
