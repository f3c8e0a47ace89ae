/**
 * Learning paths, certificates and their public verification. A path completes in the transaction
 * that records its last requirement (a module passed, see {@link nl.omzien.training.ModuleCompleted};
 * session attendance, see {@link nl.omzien.sessions.SessionAttended}). The certificate's PDF is rendered
 * after that commits, stored, mailed through the outbox and retried when rendering fails
 * ({@code internal.CertificatePdfs}); anyone can check it at {@code /verify}.
 *
 * <p>Owns, in PostgreSQL schema {@code certificates} (jOOQ classes in {@code
 * nl.omzien.certificates.internal.db}): certificate, certificate_attendance, municipality_logo. Publishes the
 * read-only view v_first_certificate_per_path (per person and path the first certificate that counts; the
 * dashboard's SQL reads it), generated into {@code nl.omzien.certificates.published}.
 */
package nl.omzien.certificates;
