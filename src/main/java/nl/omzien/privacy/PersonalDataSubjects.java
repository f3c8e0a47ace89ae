package nl.omzien.privacy;

import nl.omzien.base.PersonId;
import nl.omzien.base.PersonalDataSubject;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The accounts as privacy needs them. The people feature owns the accounts (their table is in its schema)
 * and implements this, running in the caller's transaction; privacy depends on this interface only, since
 * people depends on privacy (its views offer "download my data") and not the other way round. No
 * authorisation here: privacy's services ({@link OwnDataService}, {@link AuditLogService}) check it, and
 * the retention job and activity tracker are internal.
 */
public interface PersonalDataSubjects {

    /** The person as the sections need them (name, every address they used); empty when unknown or anonymised. */
    Optional<PersonalDataSubject> live(PersonId userId);

    /**
     * Like {@link #live}, with the account row locked until the caller's transaction ends: of two erasures
     * of one person at once (the retention job on two app instances, or a person and the job), the second
     * waits, then finds the account anonymised and does nothing.
     */
    Optional<PersonalDataSubject> liveLocked(PersonId userId);

    /** Any account, also an anonymised one (an admin may still export what is left). */
    Optional<PersonalDataSubject> any(PersonId userId);

    /**
     * Accounts nobody used since {@code before}: last page load, or creation when never seen. Anonymised
     * accounts and admins are left out, so an installation cannot lose its last admin to the retention rule.
     */
    List<PersonId> inactiveSince(OffsetDateTime before);

    /** Notes a page load of this person; may write at most once per hour, to keep page loads cheap. */
    void seen(PersonId userId, OffsetDateTime now);

    /** The names of those of {@code userIds} that are not anonymised. */
    Map<PersonId, String> liveNames(Collection<PersonId> userIds);

    /** The accounts, not anonymised, whose name or e-mail address contains {@code text} (any case). */
    List<PersonId> liveMatching(String text);
}
