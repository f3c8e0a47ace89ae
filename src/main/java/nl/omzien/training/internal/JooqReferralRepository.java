package nl.omzien.training.internal;

import nl.omzien.base.PersonId;
import nl.omzien.training.HelpKind;
import nl.omzien.training.ReferralAction;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

import java.time.OffsetDateTime;
import java.util.UUID;

import static nl.omzien.training.internal.db.Tables.REFERRAL_TAP;

/** The referral tally: one row per tap, keyed by the tap's own key. */
@Repository
public class JooqReferralRepository {

    private final DSLContext db;

    JooqReferralRepository(DSLContext db) {
        this.db = db;
    }

    /** True when this key is new; a repeated key (double click) changes nothing, also when two arrive at once. */
    public boolean insert(UUID tapKey, PersonId person, ReferralAction action, HelpKind kind, OffsetDateTime at) {
        return db.insertInto(REFERRAL_TAP)
                .set(REFERRAL_TAP.TAP_KEY, tapKey).set(REFERRAL_TAP.USER_ID, person)
                .set(REFERRAL_TAP.ACTION, action.name()).set(REFERRAL_TAP.HELP_KIND, kind.name())
                .set(REFERRAL_TAP.TAPPED_AT, at)
                .onConflict(REFERRAL_TAP.TAP_KEY).doNothing()
                .execute() == 1;
    }

    public long count(PersonId person) {
        return db.fetchCount(REFERRAL_TAP, REFERRAL_TAP.USER_ID.eq(person));
    }
}
