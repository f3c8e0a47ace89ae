package nl.omzien.certificates;

/** What the verify page says about a certificate. Expiry is computed from the date, never stored. */
public enum CertificateStatus {
    VALID, EXPIRED, SUPERSEDED, REVOKED
}
