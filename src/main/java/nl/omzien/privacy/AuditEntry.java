package nl.omzien.privacy;

import nl.omzien.base.PersonId;
import java.time.OffsetDateTime;

/**
 * One staff action on someone's personal data, as the audit page shows it. Names are looked up now:
 * null when the person's account has been deleted (the row keeps only the id).
 */
public record AuditEntry(long id, OffsetDateTime at, PersonId actorId, String actorName, PersonId subjectId, String subjectName,
                         String action, String detail, String ipAddress) {
}
