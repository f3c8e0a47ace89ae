package nl.omzien.people;

import nl.omzien.base.PersonId;
import java.util.Locale;

/**
 * The signed-in person's own settings as the profile page shows them.
 *
 * @param chosenAudience the variant they picked; null when the organisation's sector decides
 * @param pendingEmail   a new address waiting for confirmation, or null
 */
public record Profile(PersonId userId, String fullName, String email, String pendingEmail, Audience chosenAudience,
                      Audience sectorAudience, Locale locale) {

    public Audience audience() {
        return chosenAudience != null ? chosenAudience : sectorAudience;
    }
}
