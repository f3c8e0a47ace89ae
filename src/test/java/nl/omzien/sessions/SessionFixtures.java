package nl.omzien.sessions;

import nl.omzien.base.MunicipalityId;

import nl.omzien.base.OrganisationId;
import nl.omzien.base.PersonId;
import org.jooq.DSLContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;

import static nl.omzien.people.internal.db.Tables.APP_USER;
import static nl.omzien.people.internal.db.Tables.MUNICIPALITY;
import static nl.omzien.people.internal.db.Tables.ORGANISATION;
import static nl.omzien.sessions.internal.db.Tables.REGISTRATION;
import static nl.omzien.sessions.internal.db.Tables.SESSION_SEAT_STATE;
import static nl.omzien.people.internal.db.Tables.USER_ROLE;
import static org.assertj.core.api.Assertions.assertThat;

/** Test helpers: extra participants, acting as someone on the current thread, a session to book. */
public final class SessionFixtures {

    private final DSLContext db;
    private final UserDetailsService accounts;

    public SessionFixtures(DSLContext db, UserDetailsService accounts) {
        this.db = db;
        this.accounts = accounts;
    }

    public MunicipalityId municipality(String name) {
        return db.select(MUNICIPALITY.ID).from(MUNICIPALITY).where(MUNICIPALITY.NAME.eq(name)).fetchOne().value1();
    }

    public OrganisationId organisation(String name) {
        return db.select(ORGANISATION.ID).from(ORGANISATION).where(ORGANISATION.NAME.eq(name)).fetchOne().value1();
    }

    public PersonId userId(String email) {
        return db.select(APP_USER.ID).from(APP_USER).where(APP_USER.EMAIL.eq(email)).fetchOne().value1();
    }

    /** The session's seat counters (kept by the trigger) against the registrations themselves. */
    public void assertCountersMatchTheRows(SessionId session, int held, int waiting) {
        var counters = db.select(SESSION_SEAT_STATE.SEATS_HELD, SESSION_SEAT_STATE.WAITING).from(SESSION_SEAT_STATE)
                .where(SESSION_SEAT_STATE.SESSION_ID.eq(session)).fetchSingle();
        assertThat(db.fetchCount(REGISTRATION, REGISTRATION.SESSION_ID.eq(session)
                .and(REGISTRATION.STATUS.in(RegistrationStatus.CONFIRMED, RegistrationStatus.OFFERED)))).isEqualTo(held);
        assertThat(db.fetchCount(REGISTRATION, REGISTRATION.SESSION_ID.eq(session)
                .and(REGISTRATION.STATUS.eq(RegistrationStatus.WAITLISTED)))).isEqualTo(waiting);
        assertThat(List.of(counters.value1(), counters.value2())).as("seats held, waiting").containsExactly(held, waiting);
    }

    /** {@code count} new participants of an organisation; returns their e-mail addresses. */
    public List<String> participants(int count, String organisation) {
        OrganisationId organisationId = organisation(organisation);
        String batch = UUID.randomUUID().toString().substring(0, 8);
        // The demo password, so a browser test can sign in as them too.
        String hash = db.select(APP_USER.PASSWORD_HASH).from(APP_USER).where(APP_USER.EMAIL.eq("deelnemer@omzien.example"))
                .fetchOne().value1();
        List<String> emails = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String email = "p" + i + "-" + batch + "@test.example";
            PersonId id = db.insertInto(APP_USER).set(APP_USER.EMAIL, email).set(APP_USER.FULL_NAME, "Deelnemer " + i + " " + batch)
                    .set(APP_USER.PASSWORD_HASH, hash)
                    .set(APP_USER.ORGANISATION_ID, organisationId).returning(APP_USER.ID).fetchOne().getId();
            db.insertInto(USER_ROLE).set(USER_ROLE.USER_ID, id).set(USER_ROLE.ROLE, "PARTICIPANT").execute();
            emails.add(email);
        }
        return emails;
    }

    /** Runs {@code work} signed in as {@code email} on this thread, then signs out again. */
    public <T> T as(String email, Callable<T> work) {
        UserDetails user = accounts.loadUserByUsername(email);
        var previous = SecurityContextHolder.getContext().getAuthentication();
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        try {
            return work.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            SecurityContextHolder.getContext().setAuthentication(previous);
        }
    }

    public void as(String email, Runnable work) {
        as(email, () -> {
            work.run();
            return null;
        });
    }

    /** A draft in Coevorden {@code daysAhead} days from now at 19:30, signing up until the start. */
    public static SessionDraft draft(String title, int capacity, int daysAhead) {
        return new SessionDraft().setTitle(title).setCapacity(capacity)
                .setDate(LocalDate.now(SessionTimes.ZONE).plusDays(daysAhead))
                .setStartTime(LocalTime.of(19, 30)).setEndTime(LocalTime.of(21, 0))
                .setLocation("Dorpshuis De Kiel, Dalen").setDeadlineDaysBefore(0);
    }
}
