/** Generated jOOQ classes of the published views (see {@link nl.omzien.training.published}); part of that named interface. */
@NamedInterface("published")
package nl.omzien.training.published.tables;

import org.springframework.modulith.NamedInterface;
