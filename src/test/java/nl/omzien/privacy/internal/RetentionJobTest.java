package nl.omzien.privacy.internal;

import nl.omzien.base.PersonId;

import nl.omzien.privacy.PersonalDataSubjects;
import nl.omzien.sessions.SessionFixtures;
import nl.omzien.test.IntegrationTest;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import static nl.omzien.people.internal.db.Tables.APP_USER;
import static nl.omzien.privacy.internal.db.Tables.PERSONAL_DATA_AUDIT;
import static nl.omzien.people.internal.db.Tables.USER_ROLE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The retention rule, on a fixed clock: five years without a visit and the account is anonymised, once. */
class RetentionJobTest extends IntegrationTest {

    private static final Instant NOW = Instant.parse("2026-11-23T03:30:00Z");

    @Autowired PersonalDataSubjects subjects;
    @Autowired PersonalDataEraser eraser;
    @Autowired TransactionTemplate transactions;
    @Autowired DSLContext db;
    @Autowired UserDetailsService accounts;

    private RetentionJob job(int years) {
        return new RetentionJob(subjects, eraser, transactions, Clock.fixed(NOW, ZoneOffset.UTC), years);
    }

    private OffsetDateTime ago(int years, int plusDays) {
        return OffsetDateTime.ofInstant(NOW, ZoneOffset.UTC).minusYears(years).plusDays(plusDays);
    }

    private boolean anonymised(String email, PersonId id) {
        return db.select(APP_USER.ANONYMISED_AT).from(APP_USER).where(APP_USER.ID.eq(id)).fetchOne(APP_USER.ANONYMISED_AT) != null;
    }

    @Test
    void accountsUnusedForFiveYearsAreAnonymisedOnceAndEveryoneElseStays() {
        SessionFixtures fx = new SessionFixtures(db, accounts);
        List<String> people = fx.participants(4, "Supermarkt De Brink");
        PersonId lastSeenLongAgo = fx.userId(people.get(0));
        PersonId seenRecently = fx.userId(people.get(1));
        PersonId neverSeenOldAccount = fx.userId(people.get(2));
        PersonId inactiveAdmin = fx.userId(people.get(3));
        db.update(APP_USER).set(APP_USER.LAST_SEEN_AT, ago(5, -1)).where(APP_USER.ID.eq(lastSeenLongAgo)).execute();
        db.update(APP_USER).set(APP_USER.CREATED_AT, ago(7, 0)).set(APP_USER.LAST_SEEN_AT, ago(5, 1))
                .where(APP_USER.ID.eq(seenRecently)).execute();
        db.update(APP_USER).set(APP_USER.CREATED_AT, ago(6, 0)).where(APP_USER.ID.eq(neverSeenOldAccount)).execute();
        db.update(APP_USER).set(APP_USER.LAST_SEEN_AT, ago(9, 0)).where(APP_USER.ID.eq(inactiveAdmin)).execute();
        db.insertInto(USER_ROLE).set(USER_ROLE.USER_ID, inactiveAdmin).set(USER_ROLE.ROLE, "ADMIN").execute();

        assertThat(job(5).anonymiseInactiveAccounts()).isEqualTo(2);

        assertThat(anonymised(people.get(0), lastSeenLongAgo)).isTrue();
        assertThat(anonymised(people.get(2), neverSeenOldAccount)).isTrue();
        assertThat(anonymised(people.get(1), seenRecently)).as("seen less than five years ago").isFalse();
        assertThat(anonymised(people.get(3), inactiveAdmin)).as("the last admin must not disappear").isFalse();
        assertThat(db.select(APP_USER.FULL_NAME, APP_USER.EMAIL).from(APP_USER).where(APP_USER.ID.eq(lastSeenLongAgo)).fetchOne()
                .intoList()).doesNotContain(people.get(0)).allSatisfy(v -> assertThat(String.valueOf(v)).doesNotContain("Deelnemer"));
        assertThat(db.select(PERSONAL_DATA_AUDIT.ACTOR_ID, PERSONAL_DATA_AUDIT.DETAIL).from(PERSONAL_DATA_AUDIT)
                .where(PERSONAL_DATA_AUDIT.SUBJECT_ID.eq(lastSeenLongAgo), PERSONAL_DATA_AUDIT.ACTION.eq("DELETED")).fetch()
                .map(r -> r.value1() + " " + r.value2())).containsExactly("null retention:5");

        var anonymisedAt = db.select(APP_USER.ANONYMISED_AT).from(APP_USER).where(APP_USER.ID.eq(lastSeenLongAgo)).fetchOne().value1();
        assertThat(job(5).anonymiseInactiveAccounts()).as("a second run finds nothing new").isZero();
        assertThat(db.select(APP_USER.ANONYMISED_AT).from(APP_USER).where(APP_USER.ID.eq(lastSeenLongAgo)).fetchOne().value1())
                .isEqualTo(anonymisedAt);
        assertThat(db.fetchCount(PERSONAL_DATA_AUDIT, PERSONAL_DATA_AUDIT.SUBJECT_ID.eq(lastSeenLongAgo))).isEqualTo(1);

        assertThat(job(2).anonymiseInactiveAccounts()).as("a shorter period, set by the property, reaches further").isEqualTo(1);
        assertThat(anonymised(people.get(1), seenRecently)).isTrue();
    }

    @Test
    void aRetentionPeriodBelowOneYearIsRefusedAtStartup() {
        assertThatThrownBy(() -> job(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
