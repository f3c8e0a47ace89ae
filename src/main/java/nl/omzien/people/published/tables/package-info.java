/** Generated jOOQ classes of the published views (see {@link nl.omzien.people.published}); part of that named interface. */
@NamedInterface("published")
package nl.omzien.people.published.tables;

import org.springframework.modulith.NamedInterface;
