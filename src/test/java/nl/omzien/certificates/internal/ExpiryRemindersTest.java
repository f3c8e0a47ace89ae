package nl.omzien.certificates.internal;

import nl.omzien.people.Audience;
import nl.omzien.sessions.SessionFixtures;
import nl.omzien.test.IntegrationTest;
import nl.omzien.training.ModuleCatalog;
import nl.omzien.training.ModuleWalker;
import nl.omzien.training.TrainingService;
import org.jooq.DSLContext;
import org.jooq.Record2;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

import static nl.omzien.people.internal.db.Tables.APP_USER;
import static nl.omzien.certificates.internal.db.Tables.CERTIFICATE;
import static nl.omzien.notifications.internal.db.Tables.MAIL_OUTBOX;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The expiry reminder, with the application's clock moved far into the future: 30 days before expiry,
 * once, in the holder's language, with the refresher's link.
 */
class ExpiryRemindersTest extends IntegrationTest {

    private static final Instant NOW = Instant.parse("2041-03-01T08:00:00Z");
    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

    @Autowired
    ExpiryReminders reminders;
    @Autowired
    ModuleCatalog catalog;
    @Autowired
    TrainingService training;
    @Autowired
    UserDetailsService accounts;
    @Autowired
    DSLContext db;
    @Autowired
    TransactionTemplate transactions;
    @Value("${omzien.base-url}")
    String baseUrl;

    /** Moves the application's clock to {@code instant} and runs the nightly reminder job. */
    private int remindAt(Instant instant) {
        clock.setTo(instant);
        return transactions.execute(status -> reminders.remindDue());
    }

    /** A new participant who earned "signaleerder"; its certificate now expires at {@code expiresAt}. */
    private String holderExpiringAt(SessionFixtures fx, OffsetDateTime expiresAt, String locale) {
        String person = fx.participants(1, "Supermarkt De Brink").getFirst();
        db.update(APP_USER).set(APP_USER.LOCALE, locale).where(APP_USER.EMAIL.eq(person)).execute();
        ModuleWalker walker = new ModuleWalker(training, catalog);
        fx.as(person, () -> {
            walker.complete("herkennen", Audience.SHOP);
            walker.complete("gesprek", Audience.SHOP);
            walker.complete("doorverwijzen", Audience.SHOP);
        });
        db.update(CERTIFICATE).set(CERTIFICATE.EXPIRES_AT, expiresAt)
                .where(CERTIFICATE.USER_ID.eq(fx.userId(person)), CERTIFICATE.PATH_ID.eq("signaleerder")).execute();
        return person;
    }

    private List<Record2<String, String>> mailsTo(String email) {
        return db.select(MAIL_OUTBOX.SUBJECT, MAIL_OUTBOX.BODY_TEXT).from(MAIL_OUTBOX).where(MAIL_OUTBOX.RECIPIENT.eq(email)).fetch();
    }

    private static boolean isReminder(Record2<String, String> mail) {
        return mail.value1().contains("verloopt op") || mail.value1().contains("expires on");
    }

    @Test
    void aHolderIsRemindedOnce30DaysBeforeExpiryWithALinkToTheRefresher() {
        SessionFixtures fx = new SessionFixtures(db, accounts);
        OffsetDateTime now = NOW.atZone(AMSTERDAM).toOffsetDateTime();
        String soon = holderExpiringAt(fx, now.plusDays(29), "nl");
        String later = holderExpiringAt(fx, now.plusDays(31), "en");

        assertThat(remindAt(NOW)).isEqualTo(1);
        List<Record2<String, String>> reminders = mailsTo(soon).stream().filter(ExpiryRemindersTest::isReminder).toList();
        assertThat(reminders).hasSize(1);
        assertThat(reminders.getFirst().value1()).isEqualTo("Je certificaat Signaleerder eenzaamheid verloopt op 30 maart 2041");
        assertThat(reminders.getFirst().value2()).contains("Het gesprek aangaan", baseUrl.replaceAll("/+$", "") + "/training/gesprek");
        assertThat(mailsTo(later).stream().filter(ExpiryRemindersTest::isReminder)).isEmpty();

        // Again, e.g. after a restart: nothing new for the first.
        assertThat(remindAt(NOW.plus(Duration.ofHours(1)))).isZero();

        // Two days later the second is due, in English.
        assertThat(remindAt(NOW.plus(Duration.ofDays(2)))).isEqualTo(1);
        assertThat(mailsTo(later).stream().filter(ExpiryRemindersTest::isReminder).toList())
                .singleElement().satisfies(mail -> assertThat(mail.value1()).startsWith("Your certificate Loneliness signaller expires on"));
        assertThat(mailsTo(soon).stream().filter(ExpiryRemindersTest::isReminder)).hasSize(1);
    }

    @Test
    void aRevokedOrAlreadyRenewedCertificateGetsNoReminder() {
        SessionFixtures fx = new SessionFixtures(db, accounts);
        OffsetDateTime now = NOW.plus(Duration.ofDays(100)).atZone(AMSTERDAM).toOffsetDateTime();
        String revoked = holderExpiringAt(fx, now.plusDays(10), "nl");
        String renewed = holderExpiringAt(fx, now.plusDays(10), "nl");
        db.update(CERTIFICATE).set(CERTIFICATE.STATUS, StoredCertificateStatus.REVOKED).set(CERTIFICATE.REVOKED_KIND, "BY_STAFF")
                .set(CERTIFICATE.REVOKED_REASON, "Test").set(CERTIFICATE.REVOKED_AT, now)
                .where(CERTIFICATE.USER_ID.eq(fx.userId(revoked))).execute();
        db.update(CERTIFICATE).set(CERTIFICATE.STATUS, StoredCertificateStatus.SUPERSEDED).where(CERTIFICATE.USER_ID.eq(fx.userId(renewed))).execute();

        assertThat(remindAt(now.toInstant())).isZero();
        assertThat(mailsTo(revoked).stream().filter(ExpiryRemindersTest::isReminder)).isEmpty();
    }
}
