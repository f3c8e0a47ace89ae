package nl.omzien.certificates;

import nl.omzien.base.PersonId;
import jakarta.annotation.security.RolesAllowed;
import nl.omzien.certificates.internal.JooqCertificateRepository;
import nl.omzien.people.UserAccountService;
import nl.omzien.security.Role;
import nl.omzien.people.UserAccount;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * "Mijn organisatie": the training progress of an organisation contact's own colleagues. Lives here
 * because it joins people (who the colleagues are) with training and certificates, which people may not
 * depend on.
 */
@Service
public class ColleagueProgressService {

    private final UserAccountService users;
    private final JooqCertificateRepository certificates;
    private final Clock clock;

    ColleagueProgressService(UserAccountService users, JooqCertificateRepository certificates, Clock clock) {
        this.users = users;
        this.certificates = certificates;
        this.clock = clock;
    }

    /**
     * The signed-in contact's colleagues with modules passed and a valid certificate yes/no. Who counts as
     * a colleague is decided by {@link UserAccountService#colleagues()} from the contact's own
     * organisation on the server, never from anything the page sends.
     */
    @Transactional(readOnly = true)
    @RolesAllowed(Role.ORG_CONTACT_ROLE)
    public List<ColleagueProgress> myOrganisation() {
        List<UserAccount> colleagues = users.colleagues();
        Map<PersonId, JooqCertificateRepository.Progress> progress = certificates.progressOf(
                colleagues.stream().map(UserAccount::id).toList(), OffsetDateTime.now(clock));
        return colleagues.stream().map(u -> {
            JooqCertificateRepository.Progress p = progress.getOrDefault(u.id(), new JooqCertificateRepository.Progress(false, 0, false, null));
            return new ColleagueProgress(u.id(), u.fullName(), u.email(), p.started(), p.modulesPassed(), p.certified(),
                    p.expiresAt() == null ? null : p.expiresAt().atZoneSameInstant(java.time.ZoneId.of("Europe/Amsterdam")).toLocalDate(),
                    u.leavesByContact());
        }).toList();
    }
}
