/** Generated jOOQ classes of the published views (see {@link nl.omzien.sessions.published}); part of that named interface. */
@NamedInterface("published")
package nl.omzien.sessions.published.tables.records;

import org.springframework.modulith.NamedInterface;
