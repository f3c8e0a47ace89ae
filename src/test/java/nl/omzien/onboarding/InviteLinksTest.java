package nl.omzien.onboarding;

import nl.omzien.base.OrganisationId;

import nl.omzien.certificates.PdfReading;
import nl.omzien.onboarding.InviteLinkService.OrganisationInvite;
import nl.omzien.sessions.SessionFixtures;
import nl.omzien.test.IntegrationTest;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import static nl.omzien.onboarding.internal.db.Tables.ORGANISATION_INVITE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Who may see, print and replace an organisation's invite link, and what the flyer carries. */
class InviteLinksTest extends IntegrationTest {

    @Autowired
    InviteLinkService invites;
    @Autowired
    InviteRegistrationService registrations;
    @Autowired
    DSLContext db;
    @Autowired
    UserDetailsService accounts;

    private SessionFixtures fx() {
        return new SessionFixtures(db, accounts);
    }

    private static String token(String link) {
        return link.substring(link.lastIndexOf('/') + 1);
    }

    @Test
    void aCoalitionLeadSeesTheLinksOfTheOwnMunicipalitysOrganisationsOnly() {
        var links = fx().as(LEAD_COEVORDEN, () -> invites.organisationInvites());
        assertThat(links).extracting(i -> i.organisation().municipalityName()).containsOnly("Coevorden");
        assertThat(links).extracting(i -> i.organisation().name()).contains("Kapsalon Knip & Zo");
        assertThat(links).allSatisfy(i -> assertThat(i.link()).matches("http://localhost:8080/aanmelden/[A-Za-z0-9_-]{43}"));

        OrganisationId twenterandOrganisation = fx().organisation("Kapper Haarlijn");
        assertThatThrownBy(() -> fx().as(LEAD_COEVORDEN, () -> invites.rotateOrganisationInvite(twenterandOrganisation)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> fx().as(LEAD_COEVORDEN, () -> invites.flyer(twenterandOrganisation, Locale.of("nl"))))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void anOrganisationsContactManagesOnlyTheirOwnOrganisationsLinkAndParticipantsAndTrainersNone() {
        var links = fx().as(ORG_CONTACT, () -> invites.organisationInvites());
        assertThat(links).extracting(i -> i.organisation().name()).containsExactly("Thuiszorg Zuidoost-Drenthe");
        OrganisationId other = fx().organisation("Huisartsenpraktijk Dalen");
        assertThatThrownBy(() -> fx().as(ORG_CONTACT, () -> invites.rotateOrganisationInvite(other)))
                .isInstanceOf(AccessDeniedException.class);

        OrganisationId own = fx().organisation("Kapsalon Knip & Zo");
        assertThatThrownBy(() -> fx().as(PARTICIPANT, () -> invites.organisationInvites()))
                .isInstanceOf(AuthorizationDeniedException.class);
        assertThatThrownBy(() -> fx().as(PARTICIPANT, () -> invites.rotateOrganisationInvite(own)))
                .isInstanceOf(AuthorizationDeniedException.class);
        assertThatThrownBy(() -> fx().as(TRAINER, () -> invites.rotateOrganisationInvite(own)))
                .isInstanceOf(AuthorizationDeniedException.class);
    }

    @Test
    void rotatingALinkMakesTheOldLinkAndItsFlyerStopWorking() {
        OrganisationId organisation = fx().organisation("Bakkerij Van der Veen");
        String old = fx().as(LEAD_COEVORDEN, () -> invites.organisationInvite(organisation)).link();
        assertThat(registrations.organisationInvite(token(old))).isPresent();

        OrganisationInvite fresh = fx().as(LEAD_COEVORDEN, () -> invites.rotateOrganisationInvite(organisation));

        assertThat(fresh.link()).isNotEqualTo(old);
        assertThat(registrations.organisationInvite(token(old))).as("the old link").isEmpty();
        assertThat(registrations.organisationInvite(token(fresh.link()))).get()
                .extracting(i -> i.organisation().name()).isEqualTo("Bakkerij Van der Veen");
        assertThat(db.fetchCount(ORGANISATION_INVITE, ORGANISATION_INVITE.ORGANISATION_ID.eq(organisation))).isEqualTo(1);
    }

    @Test
    void theFlyerIsOneA4PageWhoseQrCodeOpensTheOrganisationsInviteLink() throws Exception {
        OrganisationId organisation = fx().organisation("Kapsalon Knip & Zo");
        var invite = fx().as(LEAD_COEVORDEN, () -> invites.organisationInvite(organisation));
        String link = invite.link();
        byte[] pdf = fx().as(LEAD_COEVORDEN, () -> invites.flyer(organisation, Locale.of("nl")));

        assertThat(PdfReading.qrCode(pdf)).isEqualTo(link);
        String text = PdfReading.text(pdf);
        // For whoever cannot scan: the short address to type, not the 43-character link.
        assertThat(text).contains("Kapsalon Knip & Zo", "Coevorden", "Scan de code", "1 minuut", invite.shortLink()).doesNotContain(link);
        try (var document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isEqualTo(1);
            assertThat(document.getPage(0).getMediaBox().getWidth()).isEqualTo(PDRectangle.A4.getWidth());
        }
        Files.createDirectories(Path.of("target/screenshots"));
        Files.write(Path.of("target/screenshots/invite-flyer.pdf"), pdf);

        byte[] english = fx().as(ORG_CONTACT, () -> invites.flyer(fx().organisation("Thuiszorg Zuidoost-Drenthe"), Locale.ENGLISH));
        assertThat(PdfReading.text(english)).contains("Scan the code", "Thuiszorg Zuidoost-Drenthe");
    }
}
