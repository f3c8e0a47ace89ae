/**
 * Read-only views the training feature publishes for the other features (jOOQ classes generated from the
 * {@code v_*} views of schema {@code training}, see V26__one_set_of_published_views.sql): {@code v_attempt_outcome}
 * (module attempts, outcome and self-assessment sums, without answers). The dashboard's SQL reads it.
 */
@NamedInterface("published")
package nl.omzien.training.published;

import org.springframework.modulith.NamedInterface;
