package nl.omzien.people;

import nl.omzien.base.OrganisationId;
import nl.omzien.base.PersonId;
import nl.omzien.people.internal.JooqUserAccountRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;
import java.util.Optional;

/**
 * People by id for other features' services, which check who may ask before they call it (like
 * {@link MailRecipients}); it runs in the caller's transaction. Views must not call it.
 */
@Service
public class PersonDirectory {

    private final JooqUserAccountRepository accounts;

    PersonDirectory(JooqUserAccountRepository accounts) {
        this.accounts = accounts;
    }

    @Transactional(readOnly = true)
    public Optional<PersonFacts> find(PersonId personId) {
        return accounts.facts(personId);
    }

    /** The enabled people of an organisation, by name. */
    @Transactional(readOnly = true)
    public List<PersonFacts> enabledIn(OrganisationId organisationId) {
        return accounts.enabledFacts(organisationId);
    }
}
