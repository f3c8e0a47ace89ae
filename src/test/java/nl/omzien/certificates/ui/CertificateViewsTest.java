package nl.omzien.certificates.ui;

import nl.omzien.certificates.internal.StoredCertificateStatus;
import nl.omzien.base.InvalidInputException;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextArea;
import nl.omzien.certificates.Certificate;
import nl.omzien.certificates.CertificateService;
import nl.omzien.certificates.CertificateStatus;
import nl.omzien.test.KaribuTest;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static nl.omzien.people.internal.db.Tables.APP_USER;
import static nl.omzien.certificates.internal.db.Tables.CERTIFICATE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** "Mijn certificaten", the staff list with revoke and re-issue, and the demo certificates behind them. */
class CertificateViewsTest extends KaribuTest {

    @Autowired
    CertificateService certificates;
    @Autowired
    DSLContext db;

    @SuppressWarnings("unchecked")
    private Grid<Certificate> grid() {
        return _get(Grid.class);
    }

    private java.util.List<String> gridCodes() {
        Grid<Certificate> grid = grid();
        return java.util.stream.IntStream.range(0, GridKt._size(grid)).mapToObj(row -> GridKt._get(grid, row).code()).toList();
    }

    /** Grid rows render lazily; this renders the row's action cell and finds the button in it. */
    private Button actionButton(String id, String code) {
        int row = gridCodes().indexOf(code);
        var cell = GridKt._getCellComponent(grid(), row, "actions");
        return (Button) cell.getChildren().filter(c -> c.getId().orElse("").equals(id)).findFirst().orElseThrow();
    }

    private Certificate demoCertificate(String email) {
        signInAs(email);
        return certificates.mine().getFirst();
    }

    @Test
    void theDemoTrainingHistoryGaveCertificatesToEveryoneWhoCompletedBothModules() {
        var holders = db.selectDistinct(APP_USER.EMAIL).from(CERTIFICATE).join(APP_USER).on(APP_USER.ID.eq(CERTIFICATE.USER_ID))
                .where(CERTIFICATE.PATH_ID.eq("signaleerder"), CERTIFICATE.CYCLE.eq(1)).fetchSet(APP_USER.EMAIL);
        assertThat(holders).contains("mehmet.yilmaz@demo.example", "kees.brouwer@demo.example",
                "marieke.post@demo.example", "bram.nijhuis@demo.example");
        assertThat(holders).doesNotContain("anouk.kuipers@demo.example", PARTICIPANT);
        assertThat(db.fetchCount(CERTIFICATE, CERTIFICATE.STATUS.eq(StoredCertificateStatus.REVOKED), CERTIFICATE.REVOKED_KIND.eq("BY_STAFF"))).isPositive();
    }

    @Test
    void aParticipantSeesOwnCertificatesWithADownloadAndTheLearningPaths() {
        Certificate mine = demoCertificate("mehmet.yilmaz@demo.example");
        open("mijn-certificaten");
        Anchor download = _get(Anchor.class, spec -> spec.withId("download-" + mine.code()));
        assertThat(download.getText()).isEqualTo("Download PDF");
        assertThat(download.getElement().getAttribute("download")).isNotNull();
        assertThat(_find(com.vaadin.flow.component.html.H3.class)).extracting(h -> h.getText())
                .contains("Signaleerder eenzaamheid", "Signaleerder eenzaamheid met training");

        signInAs("chantal.meijer@demo.example");
        open("mijn-certificaten");
        assertThat(_get(Paragraph.class, spec -> spec.withId("no-certificates")).getText()).startsWith("Je hebt nog geen certificaten.");
        _assertNone(Anchor.class, spec -> spec.withId("download-" + mine.code()));
    }

    @Test
    void aCoalitionLeadRevokesWithAReasonAndAnEmptyReasonIsRefused() {
        Certificate marieke = demoCertificate("marieke.post@demo.example");
        signInAs(LEAD_COEVORDEN);
        open("certificaten");
        _click(actionButton("revoke-" + marieke.code(), marieke.code()));
        _click(_get(Button.class, spec -> spec.withId("certificate-confirm")));
        TextArea reason = _get(TextArea.class, spec -> spec.withId("certificate-reason"));
        assertThat(reason.isInvalid()).isTrue();
        assertThat(reason.getErrorMessage()).isEqualTo("Dit veld is verplicht.");

        reason.setValue("Training niet zelf gevolgd");
        _click(_get(Button.class, spec -> spec.withId("certificate-confirm")));
        var revoked = db.selectFrom(CERTIFICATE).where(CERTIFICATE.CODE.eq(marieke.code())).fetchOne();
        assertThat(revoked.getStatus()).isEqualTo(StoredCertificateStatus.REVOKED);
        assertThat(revoked.getRevokedReason()).isEqualTo("Training niet zelf gevolgd");
        assertThat(revoked.getRevokedByName()).isEqualTo("Linda Jansen");
    }

    @Test
    void reissuingGivesANewCodeAndRevokesTheOldOne() {
        Certificate bram = demoCertificate("bram.nijhuis@demo.example");
        signInAs(LEAD_TWENTERAND);
        Certificate fresh = certificates.reissue(bram.id(), "Naam stond verkeerd gespeld");
        assertThat(fresh.code()).isNotEqualTo(bram.code());
        assertThat(fresh.status()).isEqualTo(CertificateStatus.VALID);
        assertThat(fresh.completedOn()).isEqualTo(bram.completedOn());
        assertThat(db.select(CERTIFICATE.STATUS).from(CERTIFICATE).where(CERTIFICATE.CODE.eq(bram.code())).fetchOne(CERTIFICATE.STATUS))
                .isEqualTo(StoredCertificateStatus.REVOKED);

        // A second re-issue of the same (now revoked) certificate, e.g. from a stale list, is refused.
        assertThatThrownBy(() -> certificates.reissue(bram.id(), "Nog een keer"))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.errors()).containsEntry("reason", "admin-certificates.not-current"));
        assertThat(db.fetchCount(CERTIFICATE, CERTIFICATE.PATH_ID.eq(fresh.pathId()), CERTIFICATE.STATUS.eq(StoredCertificateStatus.ISSUED),
                CERTIFICATE.HOLDER_NAME.eq(fresh.holderName()))).isEqualTo(1);
    }

    @Test
    void aLeadCannotTouchAnotherMunicipalitysCertificatesAndAParticipantCannotRevokeAtAll() {
        Certificate mehmet = demoCertificate("mehmet.yilmaz@demo.example");
        assertThatThrownBy(() -> certificates.revoke(mehmet.id(), "zomaar")).isInstanceOf(AccessDeniedException.class);
        signInAs(LEAD_TWENTERAND);
        assertThatThrownBy(() -> certificates.revoke(mehmet.id(), "zomaar")).isInstanceOf(AccessDeniedException.class);
        assertThat(certificates.managed()).noneMatch(c -> c.id().equals(mehmet.id()));
        open("certificaten");
        assertThat(gridCodes()).isNotEmpty().doesNotContain(mehmet.code());
    }

    @Test
    void aLeadFindsACertificateByNameOrCodeInTheLongList() {
        Certificate marieke = demoCertificate("marieke.post@demo.example");
        signInAs(LEAD_COEVORDEN);
        open("certificaten");
        @SuppressWarnings("unchecked")
        Grid<Certificate> grid = _get(Grid.class);
        int all = GridKt._size(grid);
        assertThat(all).isGreaterThan(1);
        nl.omzien.base.ui.ListSearch search = _get(nl.omzien.base.ui.ListSearch.class, spec -> spec.withId("certificate-search"));
        search.setValue("marieke");
        assertThat(GridKt._size(grid)).isBetween(1, all - 1);
        assertThat(java.util.stream.IntStream.range(0, GridKt._size(grid)).mapToObj(i -> GridKt._get(grid, i)))
                .allMatch(c -> c.holderName().contains("Marieke"));
        search.setValue(marieke.code().toLowerCase(java.util.Locale.ROOT));
        assertThat(GridKt._size(grid)).isEqualTo(1);
        assertThat(GridKt._get(grid, 0).code()).isEqualTo(marieke.code());
        search.clear();
        assertThat(GridKt._size(grid)).isEqualTo(all);
    }

    /** Undoes a revocation made by a test, so the other tests in this class still find the certificate valid. */
    private void unrevoke(Certificate certificate) {
        db.update(CERTIFICATE).set(CERTIFICATE.STATUS, StoredCertificateStatus.ISSUED).setNull(CERTIFICATE.REVOKED_KIND)
                .setNull(CERTIFICATE.REVOKED_REASON).setNull(CERTIFICATE.REVOKED_BY).setNull(CERTIFICATE.REVOKED_BY_NAME)
                .setNull(CERTIFICATE.REVOKED_AT).where(CERTIFICATE.ID.eq(certificate.id())).execute();
    }

    @Test
    void aCertificateRevokedSinceShowsAsRevokedWhenTheParticipantOpensTheirCertificatesAgain() {
        Certificate mehmet = demoCertificate("mehmet.yilmaz@demo.example");
        open("mijn-certificaten");
        assertThat(_get(Anchor.class, spec -> spec.withId("download-" + mehmet.code()))).isNotNull();
        try {
            db.update(CERTIFICATE).set(CERTIFICATE.STATUS, StoredCertificateStatus.REVOKED).set(CERTIFICATE.REVOKED_KIND, "BY_STAFF")
                    .set(CERTIFICATE.REVOKED_REASON, "Dubbel uitgegeven").set(CERTIFICATE.REVOKED_AT, java.time.OffsetDateTime.now())
                    .where(CERTIFICATE.ID.eq(mehmet.id())).execute();
            open("mijn-certificaten");
            _assertNone(Anchor.class, spec -> spec.withId("download-" + mehmet.code()));
            assertThat(_find(com.vaadin.flow.component.html.Div.class, spec -> spec.withId("certificate-" + mehmet.code()))).hasSize(1);
            assertThat(_find(Paragraph.class)).extracting(Paragraph::getText).contains("Reden: Dubbel uitgegeven");
            assertThat(_find(com.vaadin.flow.component.html.H2.class, spec -> spec.withClasses("certificate-paths-title"))).hasSize(1);
        } finally {
            unrevoke(mehmet);
        }
    }

    @Test
    void aCertificateRevokedElsewhereShowsAsRevokedWhenTheAdminOpensTheListAgain() {
        Certificate mehmet = demoCertificate("mehmet.yilmaz@demo.example");
        signInAs(ADMIN);
        open("certificaten");
        int all = GridKt._size(grid());
        assertThat(actionButton("revoke-" + mehmet.code(), mehmet.code())).isNotNull();
        try {
            certificates.revoke(mehmet.id(), "Training niet zelf gevolgd");
            open("certificaten");
            assertThat(GridKt._size(grid())).isEqualTo(all);
            assertThat(GridKt._get(grid(), gridCodes().indexOf(mehmet.code())).status()).isEqualTo(CertificateStatus.REVOKED);
            assertThat(_find(LogoPanel.class)).as("one logo panel, not one per visit").hasSize(1);
        } finally {
            unrevoke(mehmet);
        }
    }
}
