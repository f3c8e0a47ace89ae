package nl.omzien.privacy;

import jakarta.annotation.security.RolesAllowed;
import nl.omzien.privacy.internal.JooqPrivacyRepository;
import nl.omzien.security.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;

/** The log of staff actions on personal data, for admins only. */
@Service
public class AuditLogService {

    public static final int LIMIT = 500;

    private final JooqPrivacyRepository repository;

    AuditLogService(JooqPrivacyRepository repository) {
        this.repository = repository;
    }

    /**
     * Newest first, at most {@link #LIMIT}. {@code subject} narrows it to one person: an account number,
     * or part of a name or e-mail address (deleted accounts are only found by number).
     */
    @Transactional(readOnly = true)
    @RolesAllowed(Role.ADMIN_ROLE)
    public List<AuditEntry> entries(String subject) {
        String text = subject == null ? "" : subject.trim();
        if (text.matches("#?\\d{1,18}")) {
            return repository.entries(Long.parseLong(text.replace("#", "")), null, LIMIT);
        }
        return repository.entries(null, text, LIMIT);
    }
}
