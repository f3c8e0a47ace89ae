package nl.omzien.dashboard;

import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import nl.omzien.base.InvalidInputException;
import nl.omzien.base.OrganisationId;
import nl.omzien.base.ui.NotFoundView;
import nl.omzien.certificates.PdfReading;
import nl.omzien.dashboard.ui.PartnerListView;
import nl.omzien.dashboard.ui.PartnerPageView;
import nl.omzien.people.PersonPlacementChanged;
import nl.omzien.test.KaribuTest;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static nl.omzien.people.internal.db.Tables.APP_USER;
import static nl.omzien.people.internal.db.Tables.USER_ROLE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Omzien-partners that can show it (issue 21, decision 027): "partner since" recorded on the day the rule
 * is first met, the public page at the boundaries of validity and rule, the sticker's QR code, the public
 * list switched off, and the organisation contact's own status (and nobody else's).
 */
class PartnersTest extends KaribuTest {

    @Autowired DSLContext db;
    @Autowired ApplicationEventPublisher events;
    @Autowired TransactionTemplate tx;
    @Autowired PartnerService partners;
    @Autowired DashboardService dashboard;

    DashboardFixture f;
    /** Kapsalon Fixture: 2 of 2 staff trained, so a partner under the default rule (75%, at least 1). */
    OrganisationId kapsalon;

    @BeforeEach
    void fixture() {
        f = DashboardFixture.create(db, events, tx);
        kapsalon = f.organisations.get("A");
        signInAs(f.leadEmail);
    }

    private void today(LocalDate day) {
        clock.setTo(day.atTime(12, 0).atZone(clock.getZone()).toInstant());
    }

    private PublicPartner publicPage() {
        return partners.publicPage(partners.status(kapsalon).publicId()).orElseThrow();
    }

    @Test
    void anOrganisationMeetingTheRuleIsAPartnerSinceThatDayWithARandomAddress() {
        PartnerStatus status = partners.status(kapsalon);
        LocalDate today = LocalDate.now(clock);
        assertThat(status.state()).isEqualTo(PartnerState.PARTNER);
        assertThat(status.since()).isEqualTo(today);
        assertThat(status.validUntil()).isEqualTo(today.plusMonths(24).minusDays(1));
        assertThat(status.publicId()).as("22 random URL-safe characters").matches("[A-Za-z0-9_-]{22}");
        // The bakery (0 of 1 trained) never met the rule: no record, no public page.
        assertThat(partners.status(f.organisations.get("C")).state()).isEqualTo(PartnerState.NOT_YET);
        assertThat(partners.status(f.organisations.get("C")).publicId()).isNull();
        assertThat(partners.publicPage("AAAAAAAAAAAAAAAAAAAAAA")).isEmpty();
    }

    @Test
    void partnerSinceIsTheDayTheRuleIsFirstMet() {
        // A shop with one of two trained: 50%, below the default 75%.
        tx.executeWithoutResult(status -> {
            f.organisationWithStaff("D", "Winkel Fixture " + java.util.UUID.randomUUID().toString().substring(0, 6), 2);
            f.certificate("D-staff1", DashboardFixture.PATH_X, LocalDate.of(2025, 4, 1));
        });
        OrganisationId shop = f.organisations.get("D");
        assertThat(partners.status(shop).state()).isEqualTo(PartnerState.NOT_YET);
        LocalDate kapsalonSince = partners.status(kapsalon).since();
        LocalDate later = LocalDate.now(clock).plusDays(40);
        today(later);
        dashboard.savePartnerRule(f.municipalityId, 50, 1);
        assertThat(partners.status(shop).state()).isEqualTo(PartnerState.PARTNER);
        assertThat(partners.status(shop).since()).isEqualTo(later);
        assertThat(partners.status(shop).validUntil()).isEqualTo(later.plusMonths(24).minusDays(1));
        // Recorded on the first day only: the Kapsalon keeps its day.
        assertThat(partners.status(kapsalon).since()).isEqualTo(kapsalonSince).isBefore(later);
    }

    @Test
    void thePartnerPageLapsesTheDayAfterTheValidityAndRenewingBringsItBack() {
        LocalDate lastDay = partners.status(kapsalon).validUntil();
        today(lastDay);
        assertThat(publicPage().state()).isEqualTo(PartnerState.PARTNER);
        open("partner/" + partners.status(kapsalon).publicId());
        assertThat(_get(H1.class).getText()).startsWith("Kapsalon Fixture");
        assertThat(_get(H2.class, spec -> spec.withId("partner-status")).getText()).isEqualTo("Omzien-partner");
        assertThat(_get(Span.class, spec -> spec.withId("partner-valid-until")).getText()).contains(String.valueOf(lastDay.getYear()));

        today(lastDay.plusDays(1));
        assertThat(publicPage().state()).isEqualTo(PartnerState.EXPIRED);
        assertThat(partners.status(kapsalon).state()).isEqualTo(PartnerState.EXPIRED);
        open("partner/" + partners.status(kapsalon).publicId());
        assertThat(_get(H2.class, spec -> spec.withId("partner-status")).getText()).isEqualTo("Nu geen Omzien-partner");
        assertThat(_get(Span.class, spec -> spec.withId("partner-was-valid-until")).getText()).contains(String.valueOf(lastDay.getYear()));
        // No sticker for a lapsed partner, and the dashboard says no.
        assertThatThrownBy(() -> dashboard.partnerSticker(kapsalon, Locale.of("nl"))).isInstanceOf(InvalidInputException.class);
        assertThat(dashboard.organisations(DashboardFilter.year(f.municipalityId, 2025)).stream()
                .filter(o -> o.organisationId().equals(kapsalon)).findFirst().orElseThrow().partner()).isFalse();

        PartnerStatus renewed = partners.renew(kapsalon);
        assertThat(renewed.state()).isEqualTo(PartnerState.PARTNER);
        assertThat(renewed.validUntil()).isEqualTo(lastDay.plusDays(1).plusMonths(24).minusDays(1));
        assertThat(renewed.since()).as("still a partner since the first day").isEqualTo(partners.status(kapsalon).since());
    }

    @Test
    void thePartnerPageLapsesWhenTheShareIsJustBelowTheRule() {
        addUntrainedStaff(kapsalon);
        // 2 of 3 trained = 66.67%: meets 66%, not 67%.
        dashboard.savePartnerRule(f.municipalityId, 66, 1);
        assertThat(publicPage().state()).isEqualTo(PartnerState.PARTNER);
        dashboard.savePartnerRule(f.municipalityId, 67, 1);
        assertThat(publicPage().state()).isEqualTo(PartnerState.BELOW_RULE);
        assertThat(partners.status(kapsalon).moreNeeded()).isEqualTo(1);
        open("partner/" + partners.status(kapsalon).publicId());
        assertThat(_get(H2.class, spec -> spec.withId("partner-status")).getText()).isEqualTo("Nu geen Omzien-partner");
        // Nobody learns the counts from the public page. Whole numbers only: the fixture's random names are hex.
        String page = _get(PartnerPageView.class).getElement().getOuterHTML();
        assertThat(page).doesNotContain("2 van").doesNotContainPattern("\\b6[67]\\b");
        assertThatThrownBy(() -> partners.renew(kapsalon)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void theStickersQrCodeOpensThePartnerPage() throws Exception {
        byte[] sticker = dashboard.partnerSticker(kapsalon, Locale.of("nl"));
        Files.createDirectories(Path.of("target/dashboard"));
        Files.write(Path.of("target/dashboard/raamsticker-qr.pdf"), sticker);
        String url = PdfReading.qrCode(sticker);
        assertThat(url).isEqualTo(partners.pageUrl(partners.status(kapsalon).publicId()));
        assertThat(url).matches(".*/partner/[A-Za-z0-9_-]{22}");
        assertThat(PdfReading.text(sticker)).contains("Kapsalon Fixture", "geldig tot");
    }

    @Test
    void thePublicListShowsCurrentPartnersUntilTheLeadSwitchesItOff() {
        String slug = PartnerService.slug(f.municipalityName);
        open("partners/" + slug);
        assertThat(_get(UnorderedList.class, spec -> spec.withId("partner-list")).getChildren()
                .map(li -> ((ListItem) li).getElement().getTextRecursively()).toList())
                .anyMatch(line -> line.startsWith("Kapsalon Fixture")).noneMatch(line -> line.startsWith("Bakker Fixture"));

        partners.saveSettings(f.municipalityId, 24, false);
        assertThat(partners.publicList(slug)).isEmpty();
        open("partners/" + slug);
        _get(NotFoundView.class);
        assertThat(com.github.mvysny.kaributesting.v10.LocatorJ._find(PartnerListView.class)).isEmpty();
        assertThatThrownBy(() -> partners.saveSettings(f.municipalityId, 0, true)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void theLeadRenewsALapsedPartnerAndSwitchesOffTheListOnTheDashboard() {
        LocalDate lastDay = partners.status(kapsalon).validUntil();
        today(lastDay.plusDays(1));
        open("dashboard");
        com.github.mvysny.kaributesting.v10.LocatorJ._click(
                _get(com.vaadin.flow.component.button.Button.class, spec -> spec.withId("partner-renew-" + kapsalon)));
        assertThat(partners.status(kapsalon).state()).isEqualTo(PartnerState.PARTNER);
        assertThat(com.github.mvysny.kaributesting.v10.LocatorJ._find(com.vaadin.flow.component.button.Button.class,
                spec -> spec.withId("partner-renew-" + kapsalon))).as("nothing left to renew").isEmpty();

        _get(com.vaadin.flow.component.textfield.IntegerField.class, spec -> spec.withId("partner-validity")).setValue(12);
        _get(com.vaadin.flow.component.checkbox.Checkbox.class, spec -> spec.withId("partner-public-list")).setValue(false);
        com.github.mvysny.kaributesting.v10.LocatorJ._click(
                _get(com.vaadin.flow.component.button.Button.class, spec -> spec.withId("partner-settings-save")));
        assertThat(partners.settings(f.municipalityId)).isEqualTo(new PartnerSettings(12, false));
        assertThat(partners.publicList(PartnerService.slug(f.municipalityName))).isEmpty();
    }

    @Test
    void anotherCoalitionsLeadCannotChangeTheSettingsOrRenew() {
        signInAs(LEAD_COEVORDEN);
        assertThatThrownBy(() -> partners.saveSettings(f.municipalityId, 24, false)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> partners.renew(kapsalon)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> partners.status(kapsalon)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void theOrganisationContactSeesTheirOwnOrganisationOnly() {
        signInAs(ORG_CONTACT);
        assertThatThrownBy(() -> partners.status(kapsalon)).isInstanceOf(AccessDeniedException.class);
        OrganisationStatus mine = partners.myOrganisation();
        assertThat(mine.status().organisation()).isEqualTo("Thuiszorg Zuidoost-Drenthe");
        assertThat(mine.status().trained()).isLessThanOrEqualTo(mine.status().staff());
        assertThat(mine.notStarted()).noneMatch(name -> name.startsWith("Persoon "));
        open("partnerstatus");
        assertThat(_get(Paragraph.class, spec -> spec.withId("partner-status-trained")).getText())
                .isEqualTo(mine.status().trained() + " van de " + mine.status().staff() + " medewerkers getraind");
        assertThat(_get(Paragraph.class, spec -> spec.withId("partner-status-state")).getText()).isNotBlank();
    }

    @Test
    void theContactSeesWhoHasNotStartedAndHowManyMoreAreNeeded() {
        // A contact in the fixture's bakery (0 of 1 trained): one more needed, the colleague has not finished a module.
        String contact = addContact(f.organisations.get("C"));
        signInAs(contact);
        OrganisationStatus mine = partners.myOrganisation();
        assertThat(mine.status().trained()).isZero();
        assertThat(mine.status().staff()).isEqualTo(2);
        assertThat(mine.status().moreNeeded()).isEqualTo(2);
        // p7 started a module (an attempt without completion); the new contact did not.
        assertThat(mine.notStarted()).containsExactly("Contact Bakker");
        open("partnerstatus");
        assertThat(_get(Paragraph.class, spec -> spec.withId("partner-status-state")).getText())
                .isEqualTo("Nog 2 getraind nodig om Omzien-partner te worden.");
        assertThat(_get(UnorderedList.class, spec -> spec.withId("partner-not-started")).getElement().getTextRecursively())
                .isEqualTo("Contact Bakker");
    }

    @Test
    void theContactSeesANewColleague_WhenOpeningThePartnerStatusAgain() {
        String contact = addContact(f.organisations.get("C"));
        signInAs(contact);
        open("partnerstatus");
        assertThat(_get(Paragraph.class, spec -> spec.withId("partner-status-trained")).getText())
                .isEqualTo("0 van de 2 medewerkers getraind");
        addUntrainedStaff(f.organisations.get("C"));
        open("partnerstatus");
        assertThat(_find(Paragraph.class, spec -> spec.withId("partner-status-trained"))).singleElement()
                .extracting(Paragraph::getText).isEqualTo("0 van de 3 medewerkers getraind");
        assertThat(_get(UnorderedList.class, spec -> spec.withId("partner-not-started")).getElement().getTextRecursively())
                .contains("Nieuwe Collega", "Contact Bakker");
        assertThat(_find(UnorderedList.class, spec -> spec.withId("partner-not-started"))).hasSize(1);
    }

    private void addUntrainedStaff(OrganisationId organisation) {
        tx.executeWithoutResult(status -> {
            var id = db.insertInto(APP_USER).set(APP_USER.EMAIL, "nieuw-" + java.util.UUID.randomUUID() + "@fixture.example")
                    .set(APP_USER.FULL_NAME, "Nieuwe Collega").set(APP_USER.ORGANISATION_ID, organisation)
                    .returning(APP_USER.ID).fetchOne().getId();
            db.insertInto(USER_ROLE).set(USER_ROLE.USER_ID, id).set(USER_ROLE.ROLE, "PARTICIPANT").execute();
            events.publishEvent(new PersonPlacementChanged(id, organisation, null));
        });
    }

    private String addContact(OrganisationId organisation) {
        String email = "contact-" + java.util.UUID.randomUUID() + "@fixture.example";
        tx.executeWithoutResult(status -> {
            String hash = db.select(APP_USER.PASSWORD_HASH).from(APP_USER).where(APP_USER.EMAIL.eq(PARTICIPANT)).fetchOne().value1();
            var id = db.insertInto(APP_USER).set(APP_USER.EMAIL, email).set(APP_USER.PASSWORD_HASH, hash)
                    .set(APP_USER.FULL_NAME, "Contact Bakker").set(APP_USER.ORGANISATION_ID, organisation)
                    .returning(APP_USER.ID).fetchOne().getId();
            db.insertInto(USER_ROLE).set(USER_ROLE.USER_ID, id).set(USER_ROLE.ROLE, "PARTICIPANT").execute();
            db.insertInto(USER_ROLE).set(USER_ROLE.USER_ID, id).set(USER_ROLE.ROLE, "ORG_CONTACT").execute();
            events.publishEvent(new PersonPlacementChanged(id, organisation, null));
        });
        return email;
    }
}
