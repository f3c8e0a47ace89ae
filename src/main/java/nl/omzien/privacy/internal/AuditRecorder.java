package nl.omzien.privacy.internal;

import nl.omzien.base.PersonId;

import com.vaadin.flow.server.VaadinRequest;
import nl.omzien.base.PersonalDataAccessed;
import nl.omzien.security.CurrentUser;
import nl.omzien.security.SignedInUser;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import java.time.Clock;
import java.time.OffsetDateTime;

/**
 * Writes {@link PersonalDataAccessed} to the audit log with who did it (the signed-in person; none for
 * scheduled jobs) and from which address. Synchronous, so the staff member and request are still known;
 * in its own transaction, because most reads happen in read-only transactions.
 */
@Component
class AuditRecorder {

    private final JooqPrivacyRepository repository;
    private final CurrentUser currentUser;
    private final Clock clock;

    AuditRecorder(JooqPrivacyRepository repository, CurrentUser currentUser, Clock clock) {
        this.repository = repository;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    @EventListener
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void on(PersonalDataAccessed event) {
        PersonId actor = currentUser.find().map(SignedInUser::accountId).orElse(null);
        String ip = clientAddress();
        OffsetDateTime now = OffsetDateTime.now(clock);
        for (PersonId subject : event.subjectIds()) {
            // A person looking at their own data is not a staff action.
            if (actor != null && actor.equals(subject)) {
                continue;
            }
            repository.audit(now, actor, subject, event.action().name(), event.detail(), ip);
        }
    }

    private static String clientAddress() {
        VaadinRequest vaadin = VaadinRequest.getCurrent();
        String address = vaadin != null ? vaadin.getRemoteAddr()
                : RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes servlet
                ? servlet.getRequest().getRemoteAddr() : null;
        return address == null || address.length() > 64 ? null : address;
    }
}
