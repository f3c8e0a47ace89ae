package nl.omzien.certificates.internal;

import nl.omzien.base.MunicipalityId;
import nl.omzien.base.PersonId;
import nl.omzien.sessions.SessionId;
import nl.omzien.certificates.Certificate;
import nl.omzien.certificates.CertificateId;
import nl.omzien.certificates.CertificateStatus;
import nl.omzien.certificates.internal.db.tables.records.CertificateRecord;
import nl.omzien.training.content.Text;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import static nl.omzien.certificates.internal.db.Tables.CERTIFICATE;
import static nl.omzien.people.published.Tables.V_MUNICIPALITY;
import static nl.omzien.training.published.tables.VAttemptOutcome.V_ATTEMPT_OUTCOME;
import static nl.omzien.certificates.internal.StoredCertificateStatus.ISSUED;
import static nl.omzien.certificates.internal.StoredCertificateStatus.REVOKED;
import static nl.omzien.certificates.internal.StoredCertificateStatus.SUPERSEDED;
import static org.jooq.impl.DSL.val;
import static nl.omzien.certificates.internal.db.Tables.CERTIFICATE_ATTENDANCE;

@Repository
public class JooqCertificateRepository {

    /** What to store for a new certificate; its PDF follows after the issuing transaction commits. */
    public record NewCertificate(String code, PersonId userId, String pathId, int cycle, String holderName,
                                 String organisationName, MunicipalityId municipalityId, String municipalityName, Text pathTitle,
                                 LocalDate completedOn, OffsetDateTime issuedAt, OffsetDateTime expiresAt, SessionId sessionId) {
    }

    private final DSLContext db;

    JooqCertificateRepository(DSLContext db) {
        this.db = db;
    }

    /**
     * Serialises certificate decisions for one person: two completions committing at once wait for each
     * other here. A transaction-scoped advisory lock keyed by the person, not a row lock on their account:
     * the account is the people feature's table, and the lock only has to order certificates' own work.
     */
    public void lockPerson(PersonId userId) {
        db.fetch("select pg_advisory_xact_lock({0}, {1})", val(PERSON_LOCK_CLASS), val((int) (userId.value() % Integer.MAX_VALUE)));
    }

    /**
     * A walk-in joined another account: attendance rows move (one per session), and so do certificates for a
     * path and cycle the account does not hold yet. Returns how many certificates moved.
     */
    public int moveToJoinedAccount(PersonId from, PersonId into) {
        var mine = CERTIFICATE_ATTENDANCE.as("mine");
        db.update(CERTIFICATE_ATTENDANCE).set(CERTIFICATE_ATTENDANCE.USER_ID, into)
                .where(CERTIFICATE_ATTENDANCE.USER_ID.eq(from))
                .and(org.jooq.impl.DSL.notExists(org.jooq.impl.DSL.selectOne().from(mine)
                        .where(mine.USER_ID.eq(into), mine.SESSION_ID.eq(CERTIFICATE_ATTENDANCE.SESSION_ID))))
                .execute();
        var held = CERTIFICATE.as("held");
        return db.update(CERTIFICATE).set(CERTIFICATE.USER_ID, into)
                .where(CERTIFICATE.USER_ID.eq(from))
                .and(org.jooq.impl.DSL.notExists(org.jooq.impl.DSL.selectOne().from(held)
                        .where(held.USER_ID.eq(into), held.PATH_ID.eq(CERTIFICATE.PATH_ID), held.CYCLE.eq(CERTIFICATE.CYCLE))))
                .execute();
    }

    /** Advisory lock class of {@link #lockPerson} ("CERT"), apart from the other features' classes. */
    private static final int PERSON_LOCK_CLASS = 0x43455254;

    public boolean codeExists(String code) {
        return db.fetchExists(CERTIFICATE, CERTIFICATE.CODE.eq(code));
    }

    /** Stores a certificate without its PDF; {@link #pdfDue} offers it to the renderer from {@code firstAttemptAt}. */
    public CertificateId insert(NewCertificate c, OffsetDateTime firstAttemptAt) {
        return db.insertInto(CERTIFICATE)
                .set(CERTIFICATE.CODE, c.code())
                .set(CERTIFICATE.USER_ID, c.userId())
                .set(CERTIFICATE.PATH_ID, c.pathId())
                .set(CERTIFICATE.CYCLE, c.cycle())
                .set(CERTIFICATE.HOLDER_NAME, c.holderName())
                .set(CERTIFICATE.ORGANISATION_NAME, c.organisationName())
                .set(CERTIFICATE.MUNICIPALITY_ID, c.municipalityId())
                .set(CERTIFICATE.MUNICIPALITY_NAME, c.municipalityName())
                .set(CERTIFICATE.PATH_TITLE_NL, c.pathTitle().nl())
                .set(CERTIFICATE.PATH_TITLE_EN, c.pathTitle().en())
                .set(CERTIFICATE.COMPLETED_ON, c.completedOn())
                .set(CERTIFICATE.ISSUED_AT, c.issuedAt())
                .set(CERTIFICATE.EXPIRES_AT, c.expiresAt())
                .set(CERTIFICATE.SESSION_ID, c.sessionId())
                .set(CERTIFICATE.PDF_NEXT_ATTEMPT_AT, firstAttemptAt)
                .returning(CERTIFICATE.ID).fetchOne().getId();
    }

    /**
     * The certificate if its PDF is still to be made, locked; empty when it is done, revoked, or being
     * rendered by another thread or instance right now (SKIP LOCKED: each PDF is rendered once).
     */
    public Optional<CertificateRecord> lockPendingPdf(CertificateId id) {
        return db.selectFrom(CERTIFICATE)
                .where(CERTIFICATE.ID.eq(id), CERTIFICATE.PDF_SHA256.isNull(), CERTIFICATE.STATUS.ne(REVOKED))
                .forUpdate().skipLocked().fetchOptional();
    }

    public void storePdf(CertificateId id, byte[] pdf, String sha256) {
        db.update(CERTIFICATE).set(CERTIFICATE.PDF, pdf).set(CERTIFICATE.PDF_SHA256, sha256)
                .setNull(CERTIFICATE.PDF_NEXT_ATTEMPT_AT).setNull(CERTIFICATE.PDF_LAST_ERROR)
                .where(CERTIFICATE.ID.eq(id)).execute();
    }

    /** Records a failed rendering and when to try again. */
    public void pdfFailed(CertificateId id, OffsetDateTime nextAttemptAt, String error) {
        db.update(CERTIFICATE).set(CERTIFICATE.PDF_ATTEMPTS, CERTIFICATE.PDF_ATTEMPTS.plus(1))
                .set(CERTIFICATE.PDF_NEXT_ATTEMPT_AT, nextAttemptAt).set(CERTIFICATE.PDF_LAST_ERROR, error)
                .where(CERTIFICATE.ID.eq(id)).execute();
    }

    public int pdfAttempts(CertificateId id) {
        return db.select(CERTIFICATE.PDF_ATTEMPTS).from(CERTIFICATE).where(CERTIFICATE.ID.eq(id)).fetchOne(CERTIFICATE.PDF_ATTEMPTS);
    }

    /** Certificates whose PDF is due to be (re)tried, oldest first. */
    public List<CertificateId> pdfDue(OffsetDateTime now, int limit) {
        return db.select(CERTIFICATE.ID).from(CERTIFICATE)
                .where(CERTIFICATE.PDF_SHA256.isNull(), CERTIFICATE.STATUS.ne(REVOKED), CERTIFICATE.PDF_NEXT_ATTEMPT_AT.le(now))
                .orderBy(CERTIFICATE.PDF_NEXT_ATTEMPT_AT).limit(limit).fetch(CERTIFICATE.ID);
    }

    /** The newest certificate (any status) of a person for a path, the one that decides what happens next. */
    public Optional<CertificateRecord> latest(PersonId userId, String pathId) {
        return db.selectFrom(CERTIFICATE).where(CERTIFICATE.USER_ID.eq(userId), CERTIFICATE.PATH_ID.eq(pathId))
                .orderBy(CERTIFICATE.CYCLE.desc(), CERTIFICATE.ID.desc()).limit(1).fetchOptional();
    }

    /** The ids of a municipality's revoked certificates (null: those without one): its revocation list's set bits. */
    public List<Long> revokedIds(MunicipalityId municipalityId) {
        return db.select(CERTIFICATE.ID).from(CERTIFICATE).where(CERTIFICATE.STATUS.eq(REVOKED),
                        municipalityId == null ? CERTIFICATE.MUNICIPALITY_ID.isNull() : CERTIFICATE.MUNICIPALITY_ID.eq(municipalityId))
                .fetch(r -> r.value1().value());
    }

    /** The highest certificate id so far (0 when there is none): how long the revocation list must be. */
    public long highestId() {
        Long max = db.select(org.jooq.impl.DSL.max(CERTIFICATE.ID)).from(CERTIFICATE).fetchOne(r -> r.value1() == null ? null : r.value1().value());
        return max == null ? 0 : max;
    }

    /** A municipality's name from the people feature's published view; empty for an unknown id. */
    public Optional<String> municipalityName(MunicipalityId id) {
        return db.select(V_MUNICIPALITY.NAME).from(V_MUNICIPALITY).where(V_MUNICIPALITY.ID.eq(id)).fetchOptional(V_MUNICIPALITY.NAME);
    }

    public Optional<CertificateRecord> find(CertificateId id) {
        return db.selectFrom(CERTIFICATE).where(CERTIFICATE.ID.eq(id)).fetchOptional();
    }

    public Optional<CertificateRecord> findLocked(CertificateId id) {
        return db.selectFrom(CERTIFICATE).where(CERTIFICATE.ID.eq(id)).forUpdate().fetchOptional();
    }

    public Optional<CertificateRecord> byCode(String code) {
        return db.selectFrom(CERTIFICATE).where(CERTIFICATE.CODE.eq(code)).fetchOptional();
    }

    public List<Certificate> ofUser(PersonId userId, OffsetDateTime now) {
        return list(CERTIFICATE.USER_ID.eq(userId), now);
    }

    /** A person's modules passed (distinct) and whether they hold a valid certificate. */
    public record Progress(int modulesPassed, boolean certified) {
    }

    /**
     * {@link Progress} of each of these people in one query, whatever their number ("Mijn organisatie"
     * asked two per colleague). Passes come from training's published attempt outcomes.
     */
    public java.util.Map<PersonId, Progress> progressOf(java.util.Collection<PersonId> personIds, OffsetDateTime now) {
        if (personIds.isEmpty()) {
            return java.util.Map.of();
        }
        var people = org.jooq.impl.DSL.unnest(personIds.stream().map(PersonId::value).toArray(Long[]::new)).as("p", "id");
        var personId = people.field("id", Long.class).coerce(CERTIFICATE.USER_ID);
        var passed = org.jooq.impl.DSL.field(org.jooq.impl.DSL.select(org.jooq.impl.DSL.countDistinct(V_ATTEMPT_OUTCOME.MODULE_ID))
                .from(V_ATTEMPT_OUTCOME).where(V_ATTEMPT_OUTCOME.USER_ID.eq(personId), V_ATTEMPT_OUTCOME.PASSED.isTrue()));
        var certified = org.jooq.impl.DSL.field(org.jooq.impl.DSL.exists(org.jooq.impl.DSL.selectOne().from(CERTIFICATE)
                .where(CERTIFICATE.USER_ID.eq(personId), CERTIFICATE.STATUS.eq(ISSUED),
                        CERTIFICATE.EXPIRES_AT.isNull().or(CERTIFICATE.EXPIRES_AT.gt(now)))));
        return db.select(personId, passed, certified).from(people)
                .fetchMap(r -> r.value1(), r -> new Progress(r.value2() == null ? 0 : r.value2(), Boolean.TRUE.equals(r.value3())));
    }

    /** For staff: every certificate, or one municipality's. */
    public List<Certificate> inMunicipality(MunicipalityId municipalityId, OffsetDateTime now) {
        return list(municipalityId == null ? CERTIFICATE.ID.isNotNull() : CERTIFICATE.MUNICIPALITY_ID.eq(municipalityId), now);
    }

    private List<Certificate> list(Condition condition, OffsetDateTime now) {
        // Lists never carry the PDFs; a download reads one.
        var withoutPdf = java.util.Arrays.stream(CERTIFICATE.fields()).filter(f -> !f.equals(CERTIFICATE.PDF)).toList();
        return db.select(withoutPdf).from(CERTIFICATE).where(condition)
                .orderBy(CERTIFICATE.ISSUED_AT.desc(), CERTIFICATE.ID.desc())
                .fetch(r -> toCertificate(r.into(CERTIFICATE), now));
    }

    public Optional<byte[]> pdf(CertificateId id) {
        return db.select(CERTIFICATE.PDF).from(CERTIFICATE).where(CERTIFICATE.ID.eq(id)).fetchOptional(r -> r.value1());
    }

    public void supersede(CertificateId id, CertificateId byId) {
        db.update(CERTIFICATE).set(CERTIFICATE.STATUS, SUPERSEDED).set(CERTIFICATE.SUPERSEDED_BY, byId)
                .where(CERTIFICATE.ID.eq(id), CERTIFICATE.STATUS.eq(ISSUED)).execute();
    }

    public void revoke(CertificateId id, String kind, String reason, PersonId byUserId, String byName, OffsetDateTime at) {
        db.update(CERTIFICATE).set(CERTIFICATE.STATUS, REVOKED)
                .set(CERTIFICATE.REVOKED_KIND, kind)
                .set(CERTIFICATE.REVOKED_REASON, reason)
                .set(CERTIFICATE.REVOKED_BY, byUserId)
                .set(CERTIFICATE.REVOKED_BY_NAME, byName)
                .set(CERTIFICATE.REVOKED_AT, at)
                .where(CERTIFICATE.ID.eq(id)).execute();
    }

    /** Account deletion: revoke what is live, and forget the name and the PDF (which carries the name). */
    public int revokeAndForget(PersonId userId, OffsetDateTime at) {
        int revoked = db.update(CERTIFICATE).set(CERTIFICATE.STATUS, REVOKED)
                .set(CERTIFICATE.REVOKED_KIND, "ACCOUNT_DELETED")
                .set(CERTIFICATE.REVOKED_AT, at)
                .where(CERTIFICATE.USER_ID.eq(userId), CERTIFICATE.STATUS.ne(REVOKED)).execute();
        db.update(CERTIFICATE).set(CERTIFICATE.HOLDER_NAME, (String) null).set(CERTIFICATE.PDF, (byte[]) null)
                .where(CERTIFICATE.USER_ID.eq(userId)).execute();
        return revoked;
    }

    public void recordAttendance(PersonId userId, SessionId sessionId, List<String> moduleIds, OffsetDateTime attendedAt) {
        db.insertInto(CERTIFICATE_ATTENDANCE)
                .set(CERTIFICATE_ATTENDANCE.USER_ID, userId)
                .set(CERTIFICATE_ATTENDANCE.SESSION_ID, sessionId)
                .set(CERTIFICATE_ATTENDANCE.ATTENDED_AT, attendedAt)
                .set(CERTIFICATE_ATTENDANCE.MODULE_IDS, moduleIds.toArray(String[]::new))
                .onConflictDoNothing().execute();
    }

    /** The person's attendances, newest first: session id, when, and the session's topics (its kind). */
    public List<Attendance> attendances(PersonId userId) {
        return db.select(CERTIFICATE_ATTENDANCE.SESSION_ID, CERTIFICATE_ATTENDANCE.ATTENDED_AT, CERTIFICATE_ATTENDANCE.MODULE_IDS)
                .from(CERTIFICATE_ATTENDANCE)
                .where(CERTIFICATE_ATTENDANCE.USER_ID.eq(userId)).orderBy(CERTIFICATE_ATTENDANCE.ATTENDED_AT.desc())
                .fetch(r -> new Attendance(r.value1(), r.value2(), List.of(r.value3())));
    }

    public record Attendance(SessionId sessionId, OffsetDateTime attendedAt, List<String> moduleIds) {
    }

    /** A certificate whose expiry reminder is due. */
    public record ReminderDue(CertificateId id, PersonId userId, String pathId, String pathTitleNl, String pathTitleEn, String code,
                              OffsetDateTime expiresAt) {
    }

    /**
     * Live certificates expiring within {@code before} from now whose reminder has not gone out, locked
     * (SKIP LOCKED: a second app instance takes other rows instead of waiting to mail the same ones).
     * Superseded (already renewed) and revoked certificates get none.
     */
    public List<ReminderDue> lockRemindersDue(OffsetDateTime now, OffsetDateTime before, int limit) {
        return db.select(CERTIFICATE.ID, CERTIFICATE.USER_ID, CERTIFICATE.PATH_ID, CERTIFICATE.PATH_TITLE_NL,
                        CERTIFICATE.PATH_TITLE_EN, CERTIFICATE.CODE, CERTIFICATE.EXPIRES_AT)
                .from(CERTIFICATE)
                .where(CERTIFICATE.STATUS.eq(ISSUED), CERTIFICATE.EXPIRY_REMINDED_AT.isNull(),
                        CERTIFICATE.EXPIRES_AT.gt(now), CERTIFICATE.EXPIRES_AT.le(before), CERTIFICATE.USER_ID.isNotNull())
                .orderBy(CERTIFICATE.EXPIRES_AT)
                .limit(limit)
                .forUpdate().skipLocked()
                .fetch(r -> new ReminderDue(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(), r.value7()));
    }

    public void markReminded(CertificateId id, OffsetDateTime at) {
        db.update(CERTIFICATE).set(CERTIFICATE.EXPIRY_REMINDED_AT, at).where(CERTIFICATE.ID.eq(id)).execute();
    }

    /** What a session's trainer downloads: the live certificates earned at that session, with their PDFs. */
    public record SessionCertificate(String code, String holderName, byte[] pdf) {
    }

    public List<SessionCertificate> liveOfSession(SessionId sessionId) {
        return db.select(CERTIFICATE.CODE, CERTIFICATE.HOLDER_NAME, CERTIFICATE.PDF).from(CERTIFICATE)
                .where(CERTIFICATE.SESSION_ID.eq(sessionId), CERTIFICATE.STATUS.eq(ISSUED), CERTIFICATE.PDF.isNotNull())
                .orderBy(CERTIFICATE.HOLDER_NAME, CERTIFICATE.ID)
                .fetch(r -> new SessionCertificate(r.value1(), r.value2(), r.value3()));
    }

    public int countLiveOfSession(SessionId sessionId) {
        return db.fetchCount(CERTIFICATE, CERTIFICATE.SESSION_ID.eq(sessionId), CERTIFICATE.STATUS.eq(ISSUED), CERTIFICATE.PDF.isNotNull());
    }

    static CertificateStatus status(CertificateRecord r, OffsetDateTime now) {
        return switch (r.getStatus()) {
            case REVOKED -> CertificateStatus.REVOKED;
            case SUPERSEDED -> CertificateStatus.SUPERSEDED;
            case ISSUED -> r.getExpiresAt() != null && !now.isBefore(r.getExpiresAt()) ? CertificateStatus.EXPIRED : CertificateStatus.VALID;
        };
    }

    public static Certificate toCertificate(CertificateRecord r, OffsetDateTime now) {
        Certificate.Revocation revocation = r.getRevokedAt() == null ? null : new Certificate.Revocation(
                "ACCOUNT_DELETED".equals(r.getRevokedKind()), r.getRevokedReason(), r.getRevokedByName(), r.getRevokedAt());
        return new Certificate(r.getId(), r.getCode(), r.getPathId(), new Text(r.getPathTitleNl(), r.getPathTitleEn()),
                r.getHolderName(), r.getOrganisationName(), r.getMunicipalityName(), r.getCompletedOn(), r.getIssuedAt(),
                r.getExpiresAt(), status(r, now), revocation, r.getPdfSha256() != null);
    }
}
