package nl.omzien.certificates.internal;

/**
 * What {@code certificates.certificate.status} holds (see V7's check). Expiry is not stored, so what a
 * certificate shows ({@link nl.omzien.certificates.CertificateStatus}) is computed from this and the date.
 */
public enum StoredCertificateStatus {
    ISSUED, SUPERSEDED, REVOKED
}
