package nl.omzien.certificates;

import nl.omzien.training.content.Text;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * What anyone may learn about a code: status, path, dates, municipality and the holder's masked name.
 * Nothing else about the person.
 *
 * @param maskedHolder e.g. "J. de V."; null when the account was deleted
 * @param trainer      for a trainer certificate: "gekwalificeerd trainer" and the sessions led; else null
 */
public record Verification(String code, CertificateStatus status, Text pathTitle, LocalDate completedOn,
                           OffsetDateTime expiresAt, String municipalityName, String maskedHolder,
                           boolean accountDeleted, String revokedReason,
                           TrainerStandings.TrainerStanding trainer) {
}
