package nl.omzien.certificates;

/** Published in the transaction that issues a certificate (e.g. for reports). */
public record CertificateIssued(CertificateId certificateId, long userId, String pathId, String code) {
}
