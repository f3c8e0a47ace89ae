/**
 * jOOQ classes generated at build time from the Flyway migrations in {@code db/} (see build/GenerateJooq.java).
 * Open: each feature's repositories use the tables they own; the classes themselves carry no behaviour.
 */
@ApplicationModule(type = ApplicationModule.Type.OPEN)
package nl.omzien.db;

import org.springframework.modulith.ApplicationModule;
