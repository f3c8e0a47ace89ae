package nl.omzien.people;

import nl.omzien.base.PersonId;
import nl.omzien.people.internal.JooqPersonProfiles;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.Optional;

/**
 * Looks up a person's profile for documents issued by event listeners, which run without a signed-in
 * user (like {@link MailRecipients}); views must not call it.
 */
@Service
public class PersonProfiles {

    private final JooqPersonProfiles profiles;

    PersonProfiles(JooqPersonProfiles profiles) {
        this.profiles = profiles;
    }

    @Transactional(readOnly = true)
    public Optional<PersonProfile> of(PersonId userId) {
        return profiles.find(userId);
    }
}
