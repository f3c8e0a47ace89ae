package nl.omzien.dashboard;

import java.time.LocalDate;
import java.util.List;

/**
 * What an organisation contact sees of their own organisation: its partner status, who has not started
 * yet, and the certificates that expire soon.
 *
 * @param notStarted colleagues without a module passed and without a certificate (names)
 * @param expiring   certificates of colleagues expiring in the coming {@link PartnerService#EXPIRY_HORIZON_DAYS} days
 */
public record OrganisationStatus(PartnerStatus status, List<String> notStarted, List<Expiring> expiring) {

    public record Expiring(String name, LocalDate expiresOn) {
    }
}
