/**
 * Learning paths, certificates and their public verification. A path completes in the transaction
 * that records its last requirement (a module passed, see {@link nl.omzien.training.ModuleCompleted};
 * session attendance, see {@link nl.omzien.sessions.SessionAttended}). The certificate's PDF is rendered
 * after that commits, stored, mailed through the outbox and retried when rendering fails
 * ({@code internal.CertificatePdfs}); anyone can check it at {@code /verify}.
 *
 * <p>Owns, in PostgreSQL schema {@code certificates} (jOOQ classes in {@code
 * nl.omzien.certificates.internal.db}): certificate, certificate_attendance, municipality_logo.
 */
package nl.omzien.certificates;
