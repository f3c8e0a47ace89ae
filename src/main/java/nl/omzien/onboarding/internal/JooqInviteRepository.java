package nl.omzien.onboarding.internal;

import nl.omzien.base.OrganisationId;
import nl.omzien.base.PersonId;
import nl.omzien.sessions.SessionId;
import org.jooq.DSLContext;
import org.jooq.Table;
import org.jooq.TableField;
import org.springframework.stereotype.Repository;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import static nl.omzien.onboarding.internal.db.Tables.ORGANISATION_INVITE;
import static nl.omzien.onboarding.internal.db.Tables.PENDING_ORGANISATION;
import static nl.omzien.onboarding.internal.db.Tables.PENDING_SESSION_SIGNUP;
import static nl.omzien.onboarding.internal.db.Tables.PRIVACY_CONSENT;
import static nl.omzien.onboarding.internal.db.Tables.SESSION_INVITE;

/** Invite tokens of organisations and sessions, consent records and session sign-ups waiting for a confirmed address. */
@Repository
public class JooqInviteRepository {

    private final DSLContext db;

    JooqInviteRepository(DSLContext db) {
        this.db = db;
    }

    /** The two invite tables have the same shape: the key (organisation or session), the token and who made it when. */
    private record InviteTable<K>(Table<?> table, TableField<?, K> key, TableField<?, String> token,
                               TableField<?, OffsetDateTime> createdAt, TableField<?, PersonId> createdBy) {
    }

    private static final InviteTable<OrganisationId> ORGANISATIONS = new InviteTable<>(ORGANISATION_INVITE, ORGANISATION_INVITE.ORGANISATION_ID,
            ORGANISATION_INVITE.TOKEN, ORGANISATION_INVITE.CREATED_AT, ORGANISATION_INVITE.CREATED_BY);
    private static final InviteTable<SessionId> SESSIONS = new InviteTable<>(SESSION_INVITE, SESSION_INVITE.SESSION_ID,
            SESSION_INVITE.TOKEN, SESSION_INVITE.CREATED_AT, SESSION_INVITE.CREATED_BY);

    /** The organisation's token, made now if it has none yet (two callers at once end up with the same one). */
    public String organisationToken(OrganisationId organisationId, String candidate, OffsetDateTime now, PersonId actorId) {
        return tokenOf(ORGANISATIONS, organisationId, candidate, now, actorId);
    }

    /** Replaces the token: the old link stops working at once. */
    public void replaceOrganisationToken(OrganisationId organisationId, String token, OffsetDateTime now, PersonId actorId) {
        replace(ORGANISATIONS, organisationId, token, now, actorId);
        // A printed short code stops working with the link it stood for.
        db.update(ORGANISATION_INVITE)
                .set(ORGANISATION_INVITE.SHORT_CODE, org.jooq.impl.DSL.field("onboarding.new_invite_short_code()", String.class))
                .where(ORGANISATION_INVITE.ORGANISATION_ID.eq(organisationId)).execute();
    }

    public Optional<OrganisationId> organisationByToken(String token) {
        return keyOf(ORGANISATIONS, token);
    }

    /** The organisation invite's short code (8 characters; the database makes one with each token). */
    public String organisationShortCode(OrganisationId organisationId) {
        return db.select(ORGANISATION_INVITE.SHORT_CODE).from(ORGANISATION_INVITE)
                .where(ORGANISATION_INVITE.ORGANISATION_ID.eq(organisationId)).fetchOne(ORGANISATION_INVITE.SHORT_CODE);
    }

    /** The invite token a short code stands for. */
    public Optional<String> organisationTokenByShortCode(String shortCode) {
        return db.select(ORGANISATION_INVITE.TOKEN).from(ORGANISATION_INVITE)
                .where(ORGANISATION_INVITE.SHORT_CODE.eq(shortCode)).fetchOptional(ORGANISATION_INVITE.TOKEN);
    }

    public String sessionToken(SessionId sessionId, String candidate, OffsetDateTime now, PersonId actorId) {
        return tokenOf(SESSIONS, sessionId, candidate, now, actorId);
    }

    public void replaceSessionToken(SessionId sessionId, String token, OffsetDateTime now, PersonId actorId) {
        replace(SESSIONS, sessionId, token, now, actorId);
    }

    public Optional<SessionId> sessionByToken(String token) {
        return keyOf(SESSIONS, token);
    }

    private <K> String tokenOf(InviteTable<K> t, K key, String candidate, OffsetDateTime now, PersonId actorId) {
        db.insertInto(t.table()).set(t.key(), key).set(t.token(), candidate).set(t.createdAt(), now).set(t.createdBy(), actorId)
                .onConflictDoNothing().execute();
        return db.select(t.token()).from(t.table()).where(t.key().eq(key)).fetchOne(t.token());
    }

    private <K> void replace(InviteTable<K> t, K key, String token, OffsetDateTime now, PersonId actorId) {
        db.insertInto(t.table()).set(t.key(), key).set(t.token(), token).set(t.createdAt(), now).set(t.createdBy(), actorId)
                .onConflict(t.key()).doUpdate()
                .set(t.token(), token).set(t.createdAt(), now).set(t.createdBy(), actorId)
                .execute();
    }

    private <K> Optional<K> keyOf(InviteTable<K> t, String token) {
        return db.select(t.key()).from(t.table()).where(t.token().eq(token)).fetchOptional(t.key());
    }

    public void recordConsent(PersonId userId, String statementVersion, OffsetDateTime now) {
        db.insertInto(PRIVACY_CONSENT)
                .set(PRIVACY_CONSENT.USER_ID, userId)
                .set(PRIVACY_CONSENT.STATEMENT_VERSION, statementVersion)
                .set(PRIVACY_CONSENT.GIVEN_AT, now)
                .onConflictDoNothing().execute();
    }

    public void addPendingSession(PersonId userId, SessionId sessionId, OffsetDateTime now, boolean viaAgenda) {
        db.insertInto(PENDING_SESSION_SIGNUP)
                .set(PENDING_SESSION_SIGNUP.USER_ID, userId)
                .set(PENDING_SESSION_SIGNUP.SESSION_ID, sessionId)
                .set(PENDING_SESSION_SIGNUP.REQUESTED_AT, now)
                .set(PENDING_SESSION_SIGNUP.VIA_AGENDA, viaAgenda)
                .onConflictDoNothing().execute();
    }

    /** A session sign-up waiting for the person's confirmation; {@code viaAgenda}: asked for from the public agenda. */
    public record PendingSession(SessionId sessionId, boolean viaAgenda) {
    }

    public List<PendingSession> pendingSessions(PersonId userId) {
        return db.select(PENDING_SESSION_SIGNUP.SESSION_ID, PENDING_SESSION_SIGNUP.VIA_AGENDA).from(PENDING_SESSION_SIGNUP)
                .where(PENDING_SESSION_SIGNUP.USER_ID.eq(userId))
                .orderBy(PENDING_SESSION_SIGNUP.REQUESTED_AT).fetch(r -> new PendingSession(r.value1(), r.value2()));
    }

    /** @return whether this call removed it, so a second tab does not sign up twice */
    public boolean removePending(PersonId userId, SessionId sessionId) {
        return db.deleteFrom(PENDING_SESSION_SIGNUP)
                .where(PENDING_SESSION_SIGNUP.USER_ID.eq(userId), PENDING_SESSION_SIGNUP.SESSION_ID.eq(sessionId))
                .execute() == 1;
    }

    /** The organisation a new participant registered for, joined once they follow their first link. */
    public void addPendingOrganisation(PersonId userId, OrganisationId organisationId, OffsetDateTime now) {
        db.insertInto(PENDING_ORGANISATION).set(PENDING_ORGANISATION.USER_ID, userId)
                .set(PENDING_ORGANISATION.ORGANISATION_ID, organisationId)
                .set(PENDING_ORGANISATION.REGISTERED_AT, now).onConflictDoNothing().execute();
    }

    /** Removes and returns the organisation waiting for this participant's confirmation, if any. */
    public Optional<PendingOrganisation> takePendingOrganisation(PersonId userId) {
        return db.deleteFrom(PENDING_ORGANISATION)
                .where(PENDING_ORGANISATION.USER_ID.eq(userId))
                .returningResult(PENDING_ORGANISATION.USER_ID, PENDING_ORGANISATION.ORGANISATION_ID)
                .fetchOptional(r -> new PendingOrganisation(r.value1(), r.value2()));
    }

    public record PendingOrganisation(PersonId userId, OrganisationId organisationId) {
    }
}
