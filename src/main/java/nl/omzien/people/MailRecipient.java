package nl.omzien.people;

import nl.omzien.base.PersonId;
import java.util.Locale;

/** What a background job needs to write to someone: address, name and the language they chose. */
public record MailRecipient(PersonId userId, String email, String fullName, Locale locale, boolean enabled) {
}
