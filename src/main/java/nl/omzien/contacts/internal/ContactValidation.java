package nl.omzien.contacts.internal;

import nl.omzien.base.InvalidInputException;
import nl.omzien.contacts.LocalContactDraft;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Checks and tidies a contact before it is stored. Phone numbers must be Dutch numbers someone
 * behind a counter can dial: 10 digits starting with 0, a 0800/0900 line, a 14+area-code municipal
 * number, or a short national line such as 113.
 */
public final class ContactValidation {

    private ContactValidation() {
    }

    public static LocalContactDraft checked(LocalContactDraft draft) {
        String name = trim(draft.name());
        String offer = trim(draft.offer());
        String phone = trim(draft.phone());
        String email = trim(draft.email());
        String website = website(trim(draft.website()));
        String hours = trim(draft.openingHours());
        String kern = trim(draft.kern());
        new InvalidInputException.Checks()
                .require("kind", draft.kind())
                .require("name", name)
                .length("name", name, 2, 150)
                .singleLine("name", name)
                .require("offer", offer)
                .length("offer", offer, 2, 500)
                .multiLine("offer", offer)
                .fail("phone", "contact.phone.invalid", phone != null && !isDutchPhone(phone))
                .email("email", email)
                .fail("website", "contact.website.invalid", website != null && !isWebsite(website))
                .fail("openingHours", "contact.hours.too-long", hours != null && hours.length() > 200)
                .singleLine("openingHours", hours)
                .length("kern", kern, 2, 100)
                .singleLine("kern", kern)
                .fail("phone", "contact.reachable-required", phone == null && email == null && website == null)
                .throwIfAny();
        return new LocalContactDraft(draft.kind(), name, offer, phone, email == null ? null : email.toLowerCase(Locale.ROOT),
                website, hours, kern);
    }

    static boolean isDutchPhone(String phone) {
        if (phone.length() > 30 || !phone.matches("[+0-9 ()-]+")) {
            return false;
        }
        String digits = phone.replaceAll("[^0-9+]", "");
        if (digits.startsWith("+31")) {
            digits = "0" + digits.substring(3);
        } else if (digits.startsWith("0031")) {
            digits = "0" + digits.substring(4);
        }
        return digits.matches("0[1-9][0-9]{8}")            // regular and mobile numbers
                || digits.matches("0[89]0[0-9][0-9]{4,7}")  // 0800 and 0900 lines
                || digits.matches("14[0-9]{2,4}")            // municipal 14 + area code
                || digits.matches("11[0-9]");                // 112, 113 and other short lines
    }

    /** People leave out the https:// part; store it as a link that works. */
    static String website(String website) {
        if (website == null) {
            return null;
        }
        return website.matches("(?i)https?://.*") ? website : "https://" + website;
    }

    static boolean isWebsite(String website) {
        try {
            URI uri = new URI(website);
            String host = uri.getHost();
            return website.length() <= 300 && ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
                    && host != null && host.matches("[A-Za-z0-9.-]+\\.[A-Za-z]{2,}");
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static String trim(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
