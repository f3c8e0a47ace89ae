package nl.omzien.certificates;

import nl.omzien.base.PersonId;
/**
 * Published in the transaction that revokes certificates of a person (by staff, on re-issue, or because the
 * account is deleted), so reports stop counting them at once. {@code certificateId} is null when all the
 * person's live certificates were revoked together.
 */
public record CertificateRevoked(CertificateId certificateId, PersonId userId) {
}
