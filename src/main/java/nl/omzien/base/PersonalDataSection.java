package nl.omzien.base;

import java.util.Map;

/**
 * One feature's part of a person's own data (AVG/GDPR): what it exports for "download my data" and what
 * it erases when the account is deleted. Each feature implements this as a Spring bean in its
 * {@code internal} package; the privacy feature collects every bean, so a new table is covered by adding
 * a section next to it, without changes elsewhere.
 * <p>
 * Rules for implementations: export only rows about this person (other people appear at most as an id);
 * never export secrets (token or password hashes). Erase in the caller's transaction; delete or blank
 * what identifies the person, keep rows that coalition figures count (completions, attendance,
 * certificates): they stay linked to the anonymised account row, which no longer says who it was.
 */
public interface PersonalDataSection {

    /** Key of this part in the export, e.g. {@code "training"}. */
    String name();

    /**
     * What this feature stores about the person, as table name to rows (records, maps, lists: anything
     * Jackson writes as JSON). Table names as keys let a test check every table that points at a person.
     */
    Map<String, ?> export(PersonalDataSubject subject);

    /** Files for the download next to the JSON, as path inside the ZIP to bytes (e.g. certificate PDFs). */
    default Map<String, byte[]> files(PersonalDataSubject subject) {
        return Map.of();
    }

    /** Erases or anonymises everything of this feature about the person. Must be idempotent. */
    void erase(PersonalDataSubject subject);

    /** Lower runs first when erasing; the account row (people) goes last, as others may still need it. */
    default int erasureOrder() {
        return 0;
    }
}
