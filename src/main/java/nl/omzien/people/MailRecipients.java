package nl.omzien.people;

import nl.omzien.base.PersonId;
import nl.omzien.people.internal.JooqUserAccountRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.Optional;

/**
 * Looks up where to send a person's mail. Meant for scheduled jobs and event listeners, which run
 * without a signed-in user; views must not call it (they show people through the role-checked services).
 */
@Service
public class MailRecipients {

    private final JooqUserAccountRepository accounts;

    MailRecipients(JooqUserAccountRepository accounts) {
        this.accounts = accounts;
    }

    @Transactional(readOnly = true)
    public Optional<MailRecipient> of(PersonId userId) {
        return accounts.mailRecipient(userId);
    }
}
