package nl.omzien.test;

import java.util.regex.Pattern;

/** The CSRF token a page carries, as Spring Security's form (hidden input) or Vaadin's page (meta tag) writes it. */
public final class CsrfToken {

    private static final Pattern TOKEN = Pattern.compile("name=\"_csrf\" (?:type=\"hidden\" )?(?:value|content)=\"([^\"]+)\"");

    private CsrfToken() {
    }

    /** The token in this HTML; fails the test, naming where, when there is none. */
    public static String in(String html, String where) {
        var matcher = TOKEN.matcher(html);
        if (!matcher.find()) {
            throw new AssertionError("No CSRF token on " + where);
        }
        return matcher.group(1);
    }
}
