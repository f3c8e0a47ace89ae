package nl.omzien.onboarding.internal;

import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import static nl.omzien.db.Tables.ORGANISATION_INVITE;
import static nl.omzien.db.Tables.PENDING_SESSION_SIGNUP;
import static nl.omzien.db.Tables.PRIVACY_CONSENT;
import static nl.omzien.db.Tables.SESSION_INVITE;

/** Invite tokens of organisations and sessions, consent records and session sign-ups waiting for a confirmed address. */
@Repository
public class JooqInviteRepository {

    private final DSLContext db;

    JooqInviteRepository(DSLContext db) {
        this.db = db;
    }

    /** The organisation's token, made now if it has none yet (two callers at once end up with the same one). */
    public String organisationToken(long organisationId, String candidate, OffsetDateTime now, Long actorId) {
        db.insertInto(ORGANISATION_INVITE)
                .set(ORGANISATION_INVITE.ORGANISATION_ID, organisationId)
                .set(ORGANISATION_INVITE.TOKEN, candidate)
                .set(ORGANISATION_INVITE.CREATED_AT, now)
                .set(ORGANISATION_INVITE.CREATED_BY, actorId)
                .onConflictDoNothing().execute();
        return db.select(ORGANISATION_INVITE.TOKEN).from(ORGANISATION_INVITE)
                .where(ORGANISATION_INVITE.ORGANISATION_ID.eq(organisationId)).fetchOne(ORGANISATION_INVITE.TOKEN);
    }

    /** Replaces the token: the old link stops working at once. */
    public void replaceOrganisationToken(long organisationId, String token, OffsetDateTime now, Long actorId) {
        db.insertInto(ORGANISATION_INVITE)
                .set(ORGANISATION_INVITE.ORGANISATION_ID, organisationId)
                .set(ORGANISATION_INVITE.TOKEN, token)
                .set(ORGANISATION_INVITE.CREATED_AT, now)
                .set(ORGANISATION_INVITE.CREATED_BY, actorId)
                .onConflict(ORGANISATION_INVITE.ORGANISATION_ID).doUpdate()
                .set(ORGANISATION_INVITE.TOKEN, token)
                .set(ORGANISATION_INVITE.CREATED_AT, now)
                .set(ORGANISATION_INVITE.CREATED_BY, actorId)
                .execute();
    }

    public Optional<Long> organisationByToken(String token) {
        return db.select(ORGANISATION_INVITE.ORGANISATION_ID).from(ORGANISATION_INVITE)
                .where(ORGANISATION_INVITE.TOKEN.eq(token)).fetchOptional(ORGANISATION_INVITE.ORGANISATION_ID);
    }

    public String sessionToken(long sessionId, String candidate, OffsetDateTime now, Long actorId) {
        db.insertInto(SESSION_INVITE)
                .set(SESSION_INVITE.SESSION_ID, sessionId)
                .set(SESSION_INVITE.TOKEN, candidate)
                .set(SESSION_INVITE.CREATED_AT, now)
                .set(SESSION_INVITE.CREATED_BY, actorId)
                .onConflictDoNothing().execute();
        return db.select(SESSION_INVITE.TOKEN).from(SESSION_INVITE)
                .where(SESSION_INVITE.SESSION_ID.eq(sessionId)).fetchOne(SESSION_INVITE.TOKEN);
    }

    public void replaceSessionToken(long sessionId, String token, OffsetDateTime now, Long actorId) {
        db.insertInto(SESSION_INVITE)
                .set(SESSION_INVITE.SESSION_ID, sessionId)
                .set(SESSION_INVITE.TOKEN, token)
                .set(SESSION_INVITE.CREATED_AT, now)
                .set(SESSION_INVITE.CREATED_BY, actorId)
                .onConflict(SESSION_INVITE.SESSION_ID).doUpdate()
                .set(SESSION_INVITE.TOKEN, token)
                .set(SESSION_INVITE.CREATED_AT, now)
                .set(SESSION_INVITE.CREATED_BY, actorId)
                .execute();
    }

    public Optional<Long> sessionByToken(String token) {
        return db.select(SESSION_INVITE.SESSION_ID).from(SESSION_INVITE)
                .where(SESSION_INVITE.TOKEN.eq(token)).fetchOptional(SESSION_INVITE.SESSION_ID);
    }

    public void recordConsent(long userId, String statementVersion, OffsetDateTime now) {
        db.insertInto(PRIVACY_CONSENT)
                .set(PRIVACY_CONSENT.USER_ID, userId)
                .set(PRIVACY_CONSENT.STATEMENT_VERSION, statementVersion)
                .set(PRIVACY_CONSENT.GIVEN_AT, now)
                .onConflictDoNothing().execute();
    }

    public void addPendingSession(long userId, long sessionId, OffsetDateTime now) {
        db.insertInto(PENDING_SESSION_SIGNUP)
                .set(PENDING_SESSION_SIGNUP.USER_ID, userId)
                .set(PENDING_SESSION_SIGNUP.SESSION_ID, sessionId)
                .set(PENDING_SESSION_SIGNUP.REQUESTED_AT, now)
                .onConflictDoNothing().execute();
    }

    public List<Long> pendingSessions(long userId) {
        return db.select(PENDING_SESSION_SIGNUP.SESSION_ID).from(PENDING_SESSION_SIGNUP)
                .where(PENDING_SESSION_SIGNUP.USER_ID.eq(userId))
                .orderBy(PENDING_SESSION_SIGNUP.REQUESTED_AT).fetch(PENDING_SESSION_SIGNUP.SESSION_ID);
    }

    /** @return whether this call removed it, so a second tab does not sign up twice */
    public boolean removePending(long userId, long sessionId) {
        return db.deleteFrom(PENDING_SESSION_SIGNUP)
                .where(PENDING_SESSION_SIGNUP.USER_ID.eq(userId), PENDING_SESSION_SIGNUP.SESSION_ID.eq(sessionId))
                .execute() == 1;
    }
}
