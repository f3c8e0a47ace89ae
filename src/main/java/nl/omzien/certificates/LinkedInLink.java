package nl.omzien.certificates;

import org.springframework.web.util.UriComponentsBuilder;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * LinkedIn's "Add to profile" link for a certification (linkedin.com/profile/add, startTask=CERTIFICATION_NAME):
 * it opens the person's own LinkedIn with the form filled in; nothing is sent to LinkedIn until they save it.
 */
final class LinkedInLink {

    private LinkedInLink() {
    }

    static String of(Certificate certificate, String credentialUrl, ZoneId zone) {
        ZonedDateTime issued = certificate.issuedAt().atZoneSameInstant(zone);
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("startTask", "CERTIFICATION_NAME");
        values.put("name", certificate.pathTitle().nl());
        values.put("organizationName", "Omzien " + certificate.municipalityName());
        values.put("issueYear", issued.getYear());
        values.put("issueMonth", issued.getMonthValue());
        if (certificate.expiresAt() != null) {
            ZonedDateTime expires = certificate.expiresAt().atZoneSameInstant(zone);
            values.put("expirationYear", expires.getYear());
            values.put("expirationMonth", expires.getMonthValue());
        }
        values.put("certUrl", credentialUrl);
        values.put("certId", certificate.code());
        // Template variables, so every value is encoded strictly ("&" or "=" in a name cannot break the query).
        UriComponentsBuilder link = UriComponentsBuilder.fromUriString("https://www.linkedin.com/profile/add");
        values.keySet().forEach(name -> link.queryParam(name, "{" + name + "}"));
        return link.encode().buildAndExpand(values).toUriString();
    }
}
