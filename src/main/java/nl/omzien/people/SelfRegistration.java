package nl.omzien.people;

import nl.omzien.people.internal.JooqUserAccountRepository;
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

    SelfRegistration(JooqUserAccountRepository accounts) {
        this.accounts = accounts;
    }

    /** @return the new account's id, or empty when the address already has an account (nothing changes then) */
    @Transactional
    public Optional<Long> createParticipant(String fullName, String email, long organisationId, Locale locale) {
        return accounts.insertParticipantUnlessTaken(fullName, email, organisationId,
                "en".equals(locale.getLanguage()) ? "en" : "nl");
    }
}
