package nl.omzien.privacy.internal;

import nl.omzien.base.PersonId;

import com.vaadin.flow.server.VaadinRequest;
import nl.omzien.base.PersonalDataAccessed;
import nl.omzien.security.CurrentUser;
import nl.omzien.security.SignedInThroughProvider;
import nl.omzien.security.SignedInUser;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
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

    /**
     * A staff sign-in through their organisation's identity provider, with what the provider says it checked
     * (amr, acr): the second factor is then the provider's business, and this is where it shows.
     */
    @EventListener
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void on(SignedInThroughProvider event) {
        String amr = event.amr().isEmpty() ? "-" : String.join(" ", event.amr());
        String acr = event.acr() == null || event.acr().isBlank() ? "-" : event.acr();
        // The audit page splits details at ':' (an acr is often a URN): each argument is URL-encoded.
        String detail = "provider-sign-in:" + argument(event.provider(), 40) + ":" + argument(amr, 100) + ":" + argument(acr, 100);
        repository.audit(OffsetDateTime.now(clock), event.personId(), event.personId(), "SIGNED_IN", detail, clientAddress());
    }

    private static String argument(String value, int max) {
        String cut = value.length() > max ? value.substring(0, max) : value;
        return URLEncoder.encode(cut, StandardCharsets.UTF_8);
    }

    private static String clientAddress() {
        VaadinRequest vaadin = VaadinRequest.getCurrent();
        String address = vaadin != null ? vaadin.getRemoteAddr()
                : RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes servlet
                ? servlet.getRequest().getRemoteAddr() : null;
        return address == null || address.length() > 64 ? null : address;
    }
}
