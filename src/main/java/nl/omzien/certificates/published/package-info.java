/**
 * Read-only views the certificates feature publishes for the other features (jOOQ classes generated from the
 * {@code v_*} views of schema {@code certificates}, see V26__one_set_of_published_views.sql): {@code
 * v_first_certificate_per_path} (per person and path the first certificate that counts). The dashboard's SQL reads it.
 */
@NamedInterface("published")
package nl.omzien.certificates.published;

import org.springframework.modulith.NamedInterface;
