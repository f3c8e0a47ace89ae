package nl.omzien.certificates;

import nl.omzien.training.content.Text;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * An issued certificate as its holder and staff see it (never the PDF bytes).
 *
 * @param expiresAt null when the path's certificates never expire
 * @param holderName null after the holder's account was deleted
 * @param pdfReady false for the moment between issuing and the PDF being rendered (or while it is retried)
 */
public record Certificate(CertificateId id, String code, String pathId, Text pathTitle, String holderName, String organisationName,
                          String municipalityName, LocalDate completedOn, OffsetDateTime issuedAt, OffsetDateTime expiresAt,
                          CertificateStatus status, Revocation revocation, boolean pdfReady) {

    /** Who revoked a certificate and why; {@code accountDeleted} when it happened with the holder's account. */
    public record Revocation(boolean accountDeleted, String reason, String revokedByName, OffsetDateTime revokedAt) {
    }
}
