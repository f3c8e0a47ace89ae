package nl.omzien.certificates.internal;

import java.time.LocalDate;
import java.util.Locale;

/**
 * Everything printed on one certificate.
 *
 * @param expiresOn null when the certificate does not expire
 * @param sessionLine e.g. the group session attended; null when the path has none
 * @param logo the municipality's logo; null when it has none
 */
public record CertificateContent(String holderName, String pathTitle, LocalDate completedOn, LocalDate expiresOn,
                                 String organisationName, String municipalityName, String sessionLine, String code,
                                 String verifyUrl, Locale locale, PreparedLogo logo) {
}
