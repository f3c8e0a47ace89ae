package nl.omzien.certificates;

import nl.omzien.base.PersonId;
/** Published in the transaction that issues a certificate (e.g. for reports). */
public record CertificateIssued(CertificateId certificateId, PersonId userId, String pathId, String code) {
}
