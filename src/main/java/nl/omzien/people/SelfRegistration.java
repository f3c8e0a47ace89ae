package nl.omzien.people;

import nl.omzien.base.OrganisationId;
import nl.omzien.base.PersonId;
import nl.omzien.people.internal.JooqUserAccountRepository;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.Locale;
import java.util.Optional;

/**
 * Creates the account of someone who registers through an invite link: a participant of that
 * organisation, without a password (they sign in by e-mail link). The caller (onboarding) checks the
 * invite, the input and the consent; this only writes the account.
 */
@Service
public class SelfRegistration {

    private final JooqUserAccountRepository accounts;
    private final ApplicationEventPublisher events;

    SelfRegistration(JooqUserAccountRepository accounts, ApplicationEventPublisher events) {
        this.accounts = accounts;
        this.events = events;
    }

    /**
     * Creates the account without an organisation: it counts nowhere until the person follows the mailed
     * link and {@link #confirmed} puts them in the organisation they chose.
     *
     * @return the new account's id, or empty when the address already has an account (nothing changes then)
     */
    @Transactional
    public Optional<PersonId> createParticipant(String fullName, String email, Locale locale) {
        Optional<PersonId> id = accounts.insertParticipantUnlessTaken(fullName, email, null,
                "en".equals(locale.getLanguage()) ? "en" : "nl");
        id.ifPresent(personId -> events.publishEvent(new PersonPlacementChanged(personId, null, null)));
        return id;
    }

    /** The person confirmed their address: they join the organisation they registered for. */
    @Transactional
    public void confirmed(PersonId userId, OrganisationId organisationId) {
        if (accounts.joinOrganisation(userId, organisationId)) {
            events.publishEvent(new PersonPlacementChanged(userId, organisationId, null));
        }
    }
}
