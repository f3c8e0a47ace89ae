/** Generated jOOQ classes of the published views (see {@link nl.omzien.certificates.published}); part of that named interface. */
@NamedInterface("published")
package nl.omzien.certificates.published.tables;

import org.springframework.modulith.NamedInterface;
