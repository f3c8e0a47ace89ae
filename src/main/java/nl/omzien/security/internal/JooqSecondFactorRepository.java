package nl.omzien.security.internal;

import nl.omzien.base.PersonId;
import nl.omzien.security.Accounts;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.Optional;

import static nl.omzien.security.internal.db.Tables.SIGNED_OUT_EVERYWHERE;
import static nl.omzien.security.internal.db.Tables.STAFF_RECOVERY_CODE;
import static nl.omzien.security.internal.db.Tables.STAFF_TOTP;

/** Authenticator secrets, recovery codes and the "signed out everywhere" moment of each account. */
@Repository
class JooqSecondFactorRepository {

    record StoredTotp(String secretEncrypted, OffsetDateTime enabledAt) {
    }

    private final DSLContext db;
    private final Accounts accounts;

    JooqSecondFactorRepository(DSLContext db, Accounts accounts) {
        this.db = db;
        this.accounts = accounts;
    }

    Optional<StoredTotp> find(PersonId userId) {
        return db.select(STAFF_TOTP.SECRET_ENCRYPTED, STAFF_TOTP.ENABLED_AT).from(STAFF_TOTP)
                .where(STAFF_TOTP.USER_ID.eq(userId))
                .fetchOptional(r -> new StoredTotp(r.value1(), r.value2()));
    }

    void enable(PersonId userId, String secretEncrypted, long usedStep, OffsetDateTime now) {
        db.insertInto(STAFF_TOTP)
                .set(STAFF_TOTP.USER_ID, userId)
                .set(STAFF_TOTP.SECRET_ENCRYPTED, secretEncrypted)
                .set(STAFF_TOTP.ENABLED_AT, now)
                .set(STAFF_TOTP.LAST_USED_STEP, usedStep)
                .onConflict(STAFF_TOTP.USER_ID).doUpdate()
                .set(STAFF_TOTP.SECRET_ENCRYPTED, secretEncrypted)
                .set(STAFF_TOTP.ENABLED_AT, now)
                .set(STAFF_TOTP.LAST_USED_STEP, usedStep)
                .execute();
    }

    /** One UPDATE, so the same code cannot be accepted twice, not even by two requests at once. */
    boolean acceptStep(PersonId userId, long step) {
        return db.update(STAFF_TOTP).set(STAFF_TOTP.LAST_USED_STEP, step)
                .where(STAFF_TOTP.USER_ID.eq(userId), STAFF_TOTP.LAST_USED_STEP.lt(step))
                .execute() == 1;
    }

    void disable(PersonId userId) {
        db.deleteFrom(STAFF_TOTP).where(STAFF_TOTP.USER_ID.eq(userId)).execute();
        db.deleteFrom(STAFF_RECOVERY_CODE).where(STAFF_RECOVERY_CODE.USER_ID.eq(userId)).execute();
    }

    void replaceRecoveryCodes(PersonId userId, Collection<String> codeHashes, OffsetDateTime now) {
        db.deleteFrom(STAFF_RECOVERY_CODE).where(STAFF_RECOVERY_CODE.USER_ID.eq(userId)).execute();
        var insert = db.insertInto(STAFF_RECOVERY_CODE,
                STAFF_RECOVERY_CODE.USER_ID, STAFF_RECOVERY_CODE.CODE_HASH, STAFF_RECOVERY_CODE.CREATED_AT);
        for (String hash : codeHashes) {
            insert = insert.values(userId, hash, now);
        }
        insert.execute();
    }

    /** Marks an unused recovery code as used; false when it does not exist or was used before. */
    boolean useRecoveryCode(PersonId userId, String codeHash, OffsetDateTime now) {
        return db.update(STAFF_RECOVERY_CODE).set(STAFF_RECOVERY_CODE.USED_AT, now)
                .where(STAFF_RECOVERY_CODE.USER_ID.eq(userId), STAFF_RECOVERY_CODE.CODE_HASH.eq(codeHash),
                        STAFF_RECOVERY_CODE.USED_AT.isNull())
                .execute() == 1;
    }

    int unusedRecoveryCodes(PersonId userId) {
        return db.fetchCount(STAFF_RECOVERY_CODE, STAFF_RECOVERY_CODE.USER_ID.eq(userId), STAFF_RECOVERY_CODE.USED_AT.isNull());
    }

    String locale(PersonId userId) {
        String locale = accounts.locale(userId);
        return locale == null ? "nl" : locale;
    }

    Optional<OffsetDateTime> signedOutEverywhereAt(PersonId userId) {
        return db.select(SIGNED_OUT_EVERYWHERE.AT).from(SIGNED_OUT_EVERYWHERE)
                .where(SIGNED_OUT_EVERYWHERE.USER_ID.eq(userId)).fetchOptional(SIGNED_OUT_EVERYWHERE.AT);
    }

    void signOutEverywhere(PersonId userId, OffsetDateTime at) {
        db.insertInto(SIGNED_OUT_EVERYWHERE).set(SIGNED_OUT_EVERYWHERE.USER_ID, userId).set(SIGNED_OUT_EVERYWHERE.AT, at)
                .onConflict(SIGNED_OUT_EVERYWHERE.USER_ID).doUpdate().set(SIGNED_OUT_EVERYWHERE.AT, at)
                .execute();
    }
}
