package nl.omzien.privacy.internal;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import nl.omzien.privacy.PersonalDataSubjects;
import nl.omzien.security.CurrentUser;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.OffsetDateTime;

/**
 * Notes when a signed-in person last opened the app (any page load, whatever the way they signed in:
 * password, e-mail link or a remembered device), so the retention rule knows who is inactive.
 */
@Component
class ActivityTracker implements VaadinServiceInitListener {

    private final PersonalDataSubjects subjects;
    private final CurrentUser currentUser;
    private final TransactionTemplate transactions;
    private final Clock clock;

    ActivityTracker(PersonalDataSubjects subjects, CurrentUser currentUser, TransactionTemplate transactions, Clock clock) {
        this.subjects = subjects;
        this.currentUser = currentUser;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(ui -> currentUser.find().ifPresent(user ->
                transactions.executeWithoutResult(status -> subjects.seen(user.accountId(), OffsetDateTime.now(clock)))));
    }
}
