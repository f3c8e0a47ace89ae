package nl.omzien.certificates.ui;

import nl.omzien.base.PersonId;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import nl.omzien.certificates.ColleagueProgress;
import nl.omzien.certificates.ColleagueProgressService;
import nl.omzien.dashboard.DashboardFixture;
import nl.omzien.test.KaribuTest;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.List;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static nl.omzien.people.internal.db.Tables.APP_USER;
import static nl.omzien.people.internal.db.Tables.USER_ROLE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * "Mijn organisatie" shows an organisation contact each colleague's modules passed and certificate yes/no,
 * of their own organisation only; the service decides that, not the page.
 */
class ColleaguesViewTest extends KaribuTest {

    @Autowired DSLContext db;
    @Autowired ApplicationEventPublisher events;
    @Autowired TransactionTemplate tx;
    @Autowired ColleagueProgressService progress;

    DashboardFixture f;
    String contactKapsalon;
    String contactBakker;

    @BeforeEach
    void fixture() {
        // Kapsalon (A): p1 and p2 passed the module and hold a certificate; Bakker (C): p7 started, nothing passed.
        f = DashboardFixture.create(db, events, tx);
        contactKapsalon = contact("A");
        contactBakker = contact("C");
    }

    private String contact(String organisation) {
        String email = "contact-" + organisation + "-" + f.municipalityId + "@fixture.example";
        String hash = db.select(APP_USER.PASSWORD_HASH).from(APP_USER).where(APP_USER.EMAIL.eq(PARTICIPANT)).fetchOne().value1();
        PersonId id = db.insertInto(APP_USER).set(APP_USER.EMAIL, email).set(APP_USER.FULL_NAME, "Contact " + organisation)
                .set(APP_USER.PASSWORD_HASH, hash).set(APP_USER.ORGANISATION_ID, f.organisations.get(organisation))
                .returning(APP_USER.ID).fetchOne().getId();
        db.insertInto(USER_ROLE).set(USER_ROLE.USER_ID, id).set(USER_ROLE.ROLE, "ORG_CONTACT").execute();
        return email;
    }

    private static List<List<String>> rows() {
        @SuppressWarnings("unchecked")
        Grid<ColleagueProgress> grid = _get(Grid.class, spec -> spec.withId("colleagues-grid"));
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < GridKt._size(grid); i++) {
            rows.add(GridKt._getFormattedRow(grid, i));
        }
        return rows;
    }

    private String name(String person) {
        return db.select(APP_USER.FULL_NAME).from(APP_USER).where(APP_USER.ID.eq(f.people.get(person))).fetchOne().value1();
    }

    @Test
    void aContactSeesModulesPassedAndCertificateOfTheirOwnColleagues() {
        signInAs(contactKapsalon);
        open("mijn-organisatie");
        List<List<String>> rows = rows();
        assertThat(rows).extracting(List::getFirst).containsExactlyInAnyOrder(name("p1"), name("p2"), "Contact A");
        List<String> p1 = rows.stream().filter(r -> r.getFirst().equals(name("p1"))).findFirst().orElseThrow();
        assertThat(p1.subList(2, 4)).containsExactly("1", "Ja");
        List<String> contact = rows.stream().filter(r -> r.getFirst().equals("Contact A")).findFirst().orElseThrow();
        assertThat(contact.subList(2, 4)).containsExactly("0", "Nee");
    }

    @Test
    void aContactOfAnotherOrganisationSeesNothingOfThem() {
        signInAs(contactBakker);
        open("mijn-organisatie");
        List<List<String>> rows = rows();
        assertThat(rows).extracting(List::getFirst).containsExactlyInAnyOrder(name("p7"), "Contact C")
                .doesNotContain(name("p1"), name("p2"));
        List<String> p7 = rows.stream().filter(r -> r.getFirst().equals(name("p7"))).findFirst().orElseThrow();
        assertThat(p7.subList(2, 4)).as("started, not passed").containsExactly("0", "Nee");
        assertThat(progress.myOrganisation()).extracting(ColleagueProgress::personId)
                .doesNotContain(f.people.get("p1"), f.people.get("p2"));
    }

    @Autowired nl.omzien.people.UserAccountService people;
    @Autowired nl.omzien.dashboard.DashboardService dashboard;

    private long registeredStaff(String organisation) {
        signInAs(ADMIN);
        long staff = dashboard.organisations(nl.omzien.dashboard.DashboardFilter.year(f.municipalityId, 2025)).stream()
                .filter(o -> o.organisationId().equals(f.organisations.get(organisation))).findFirst().orElseThrow().registeredStaff();
        return staff;
    }

    private PersonId idOf(String email) {
        return db.select(APP_USER.ID).from(APP_USER).where(APP_USER.EMAIL.eq(email)).fetchOne().value1();
    }

    @Test
    void aContactTakesSomeoneWhoIsNotOneOfTheirsOutOfTheOrganisation() {
        long before = registeredStaff("A");
        PersonId p2 = f.people.get("p2");
        signInAs(contactKapsalon);
        open("mijn-organisatie");
        // The list a phone shows (the grid's cells carry the same button).
        _assertNone(Button.class, spec -> spec.withId("leave-phone-" + idOf(contactKapsalon).value())); // contacts are the lead's
        Button leave = _get(Button.class, spec -> spec.withId("leave-phone-" + p2.value()));
        assertThat(leave.getText()).isEqualTo("Hoort niet bij ons");
        assertThat(leave.getElement().getAttribute("aria-label")).isEqualTo("Hoort niet bij ons: " + name("p2"));
        _click(leave);
        assertThat(_get(Dialog.class).getHeaderTitle()).isEqualTo("Hoort " + name("p2") + " niet bij jullie organisatie?");
        _click(_get(Button.class, spec -> spec.withId("confirm-leave")));

        assertThat(rows()).extracting(List::getFirst).containsExactlyInAnyOrder(name("p1"), "Contact A");
        assertThat(db.select(APP_USER.ORGANISATION_ID).from(APP_USER).where(APP_USER.ID.eq(p2)).fetchOne().value1()).isNull();
        assertThat(db.select(APP_USER.MUNICIPALITY_ID).from(APP_USER).where(APP_USER.ID.eq(p2)).fetchOne().value1())
                .as("still in the municipality: open sessions stay bookable").isEqualTo(f.municipalityId);
        assertThat(registeredStaff("A")).as("no longer counts for the trained share").isEqualTo(before - 1);

        // Twice (another tab) is harmless; someone of another organisation, or the contact themselves, is refused.
        signInAs(contactKapsalon);
        people.removeFromMyOrganisation(p2);
        assertThatThrownBy(() -> people.removeFromMyOrganisation(f.people.get("p7"))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> people.removeFromMyOrganisation(idOf(contactKapsalon))).isInstanceOf(AccessDeniedException.class);
        signInAs(PARTICIPANT);
        assertThatThrownBy(() -> people.removeFromMyOrganisation(f.people.get("p1"))).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void onlyAnOrganisationContactMayAsk() {
        signInAs(PARTICIPANT);
        assertThatThrownBy(() -> progress.myOrganisation()).isInstanceOf(AccessDeniedException.class);
        signInAs(LEAD_COEVORDEN);
        assertThatThrownBy(() -> progress.myOrganisation()).isInstanceOf(AccessDeniedException.class);
    }

    /** Statements jOOQ runs (on any connection) while {@code work} runs. */
    private int statementsDuring(Runnable work) {
        var counted = new java.util.concurrent.atomic.AtomicInteger();
        // Only this thread's statements: a scheduled job or an event listener of another feature running at the
        // same moment uses the same configuration and is not the page's work.
        Thread caller = Thread.currentThread();
        org.jooq.ExecuteListener counter = new org.jooq.ExecuteListener() {
            @Override
            public void executeStart(org.jooq.ExecuteContext ctx) {
                if (Thread.currentThread() == caller) {
                    counted.incrementAndGet();
                }
            }
        };
        var configuration = db.configuration();
        org.jooq.ExecuteListenerProvider[] before = configuration.executeListenerProviders();
        org.jooq.ExecuteListenerProvider[] with = java.util.Arrays.copyOf(before, before.length + 1);
        with[before.length] = () -> counter;
        configuration.set(with);
        try {
            work.run();
        } finally {
            configuration.set(before);
        }
        return counted.get();
    }

    @Test
    void progressOfTheWholeOrganisationTakesTheSameQueriesForThreeColleaguesAsForTen() {
        signInAs(contactKapsalon);
        int three = statementsDuring(() -> assertThat(progress.myOrganisation()).hasSize(3));
        String hash = db.select(APP_USER.PASSWORD_HASH).from(APP_USER).where(APP_USER.EMAIL.eq(PARTICIPANT)).fetchOne().value1();
        for (int i = 0; i < 7; i++) {
            db.insertInto(APP_USER).set(APP_USER.EMAIL, "extra-" + i + "-" + f.municipalityId + "@fixture.example")
                    .set(APP_USER.FULL_NAME, "Extra " + i).set(APP_USER.PASSWORD_HASH, hash)
                    .set(APP_USER.ORGANISATION_ID, f.organisations.get("A")).execute();
        }
        int ten = statementsDuring(() -> assertThat(progress.myOrganisation()).hasSize(10)
                .filteredOn(c -> c.fullName().startsWith("Extra")).allMatch(c -> c.modulesPassed() == 0 && !c.certified()));
        // Constant: who the colleagues are, their progress, and the sign-in look-ups. Two per colleague before.
        assertThat(ten).as("statements for ten colleagues (three: " + three + ")").isEqualTo(three);
    }

    @Test
    void aColleagueWhoGotAnAccountSinceShowsWhenTheContactOpensThePageAgain() {
        signInAs(contactBakker);
        open("mijn-organisatie");
        assertThat(rows()).extracting(List::getFirst).doesNotContain("Nieuwe Collega");

        db.insertInto(APP_USER).set(APP_USER.EMAIL, "nieuw-" + f.municipalityId + "@fixture.example").set(APP_USER.FULL_NAME, "Nieuwe Collega")
                .set(APP_USER.ORGANISATION_ID, f.organisations.get("C")).execute();
        open("mijn-organisatie");
        assertThat(rows()).extracting(List::getFirst).containsExactlyInAnyOrder(name("p7"), "Contact C", "Nieuwe Collega");
    }
}
