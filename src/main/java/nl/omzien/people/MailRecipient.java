package nl.omzien.people;

import java.util.Locale;

/** What a background job needs to write to someone: address, name and the language they chose. */
public record MailRecipient(long userId, String email, String fullName, Locale locale, boolean enabled) {
}
