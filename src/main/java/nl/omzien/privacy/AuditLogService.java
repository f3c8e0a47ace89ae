package nl.omzien.privacy;

import nl.omzien.base.PersonId;

import jakarta.annotation.security.RolesAllowed;
import nl.omzien.privacy.internal.JooqPrivacyRepository;
import nl.omzien.security.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The log of staff actions on personal data, for admins only. */
@Service
public class AuditLogService {

    public static final int LIMIT = 500;

    private final JooqPrivacyRepository repository;
    private final PersonalDataSubjects subjects;

    AuditLogService(JooqPrivacyRepository repository, PersonalDataSubjects subjects) {
        this.repository = repository;
        this.subjects = subjects;
    }

    /**
     * Newest first, at most {@link #LIMIT}. {@code subject} narrows it to one person: an account number,
     * or part of a name or e-mail address (deleted accounts are only found by number).
     */
    @Transactional(readOnly = true)
    @RolesAllowed(Role.ADMIN_ROLE)
    public List<AuditEntry> entries(String subject) {
        String text = subject == null ? "" : subject.trim();
        List<JooqPrivacyRepository.AuditRow> rows;
        if (text.matches("#?0*[1-9]\\d{0,17}")) {
            rows = repository.entries(List.of(new PersonId(Long.parseLong(text.replace("#", "")))), LIMIT);
        } else if (!text.isEmpty()) {
            List<PersonId> matching = subjects.liveMatching(text);
            rows = matching.isEmpty() ? List.of() : repository.entries(matching, LIMIT);
        } else {
            rows = repository.entries(null, LIMIT);
        }
        Set<PersonId> people = new HashSet<>();
        rows.forEach(row -> {
            people.add(row.subjectId());
            if (row.actorId() != null) {
                people.add(row.actorId());
            }
        });
        Map<PersonId, String> names = subjects.liveNames(people);
        return rows.stream().map(row -> new AuditEntry(row.id(), row.at(), row.actorId(),
                row.actorId() == null ? null : names.get(row.actorId()), row.subjectId(), names.get(row.subjectId()),
                row.action(), row.detail(), row.ipAddress())).toList();
    }
}
