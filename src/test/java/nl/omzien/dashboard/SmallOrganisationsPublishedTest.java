package nl.omzien.dashboard;

import nl.omzien.certificates.PdfReading;
import nl.omzien.test.IntegrationTest;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;

import static nl.omzien.dashboard.DashboardExportsTest.NL;
import static nl.omzien.dashboard.DashboardExportsTest.parse;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Voor publicatie" and the organisations table: an organisation with fewer than five staff shows no
 * count (not even a zero), no last training date and no partner yes/no, in CSV, XLSX and the council
 * PDF (the screen: DashboardViewTest); a larger organisation keeps its figures.
 */
class SmallOrganisationsPublishedTest extends IntegrationTest {

    @Autowired DSLContext db;
    @Autowired ApplicationEventPublisher events;
    @Autowired TransactionTemplate tx;
    @Autowired DashboardService dashboard;
    @Autowired UserDetailsService accounts;

    DashboardFixture f;
    DashboardFilter year2025;
    String large;

    @BeforeEach
    void fixture() {
        f = DashboardFixture.create(db, events, tx);
        large = "Zorggroep Groot " + f.municipalityName;
        tx.executeWithoutResult(status -> f.organisationWithStaff("D", large, 6));
        year2025 = DashboardFilter.year(f.municipalityId, 2025);
        var user = accounts.loadUserByUsername(f.leadEmail);
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        // Two trained of two staff: the Kapsalon (A) is a partner; B has 4 staff, C has 1.
        dashboard.savePartnerRule(f.municipalityId, 80, 2);
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void theUnpublishedTableShowsTheSmallOrganisationsFigures() throws Exception {
        CSVRecord kapsalon = row(parse(dashboard.csv(year2025, "organisations", NL, false)), "Kapsalon");
        assertThat(List.of(kapsalon.get("Getraind totaal"), kapsalon.get("Omzien-partner"))).containsExactly("2", "Ja");
    }

    @Test
    void thePublishedCsvShowsNothingOfASmallOrganisationButItsName() throws Exception {
        List<CSVRecord> rows = parse(dashboard.csv(year2025, "organisations", NL, true));
        assertThat(PublishedTableCheck.leaks("organisations", rows.getFirst().getParser().getHeaderNames(),
                rows.stream().map(CSVRecord::toList).toList())).isEmpty();
        for (String small : List.of("Kapsalon", "Thuiszorg", "Bakker")) {
            CSVRecord row = row(rows, small);
            assertThat(List.of(row.get("Getraind in periode"), row.get("Getraind totaal"), row.get("Aangemelde medewerkers"),
                    row.get("Deel getraind (%)"), row.get("Omzien-partner"))).as(small).containsOnly("<5");
            assertThat(row.get("Laatste training")).as(small).isEmpty();
        }
        CSVRecord groot = row(rows, "Zorggroep Groot");
        assertThat(List.of(groot.get("Aangemelde medewerkers"), groot.get("Omzien-partner"))).containsExactly("6", "Nee");
    }

    @Test
    void thePublishedXlsxShowsNothingOfASmallOrganisationButItsName() throws Exception {
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(dashboard.xlsx(year2025, NL, true)))) {
            Sheet sheet = workbook.getSheets().filter(s -> s.getName().equals("Organisaties")).findFirst().orElseThrow();
            List<Row> rows = sheet.read();
            List<String> headers = cells(rows.getFirst());
            List<List<String>> body = rows.stream().skip(1).map(SmallOrganisationsPublishedTest::cells).toList();
            assertThat(PublishedTableCheck.leaks(sheet.getName(), headers, body)).isEmpty();
            List<String> kapsalon = body.stream().filter(r -> r.getFirst().startsWith("Kapsalon")).findFirst().orElseThrow();
            assertThat(kapsalon.get(headers.indexOf("Omzien-partner"))).isEqualTo("<5");
            assertThat(kapsalon.get(headers.indexOf("Getraind totaal"))).isEqualTo("<5");
            List<String> groot = body.stream().filter(r -> r.getFirst().startsWith("Zorggroep Groot")).findFirst().orElseThrow();
            assertThat(groot.get(headers.indexOf("Aangemelde medewerkers"))).isEqualTo("6");
        }
    }

    @Test
    void thePublishedCouncilReportNamesNoOrganisationAndNoPartner() throws Exception {
        String text = PdfReading.text(dashboard.councilReport(year2025, NL, true));
        assertThat(text).doesNotContain("Kapsalon Fixture", "Thuiszorg Fixture", "Bakker Fixture", "Zorggroep Groot")
                .doesNotContainIgnoringCase("partner");
    }

    private static CSVRecord row(List<CSVRecord> rows, String namePrefix) {
        return rows.stream().filter(r -> r.get("Organisatie").startsWith(namePrefix)).findFirst().orElseThrow();
    }

    private static List<String> cells(Row row) {
        List<String> cells = new ArrayList<>();
        for (int c = 0; c < row.getCellCount(); c++) {
            cells.add(row.getCellText(c));
        }
        return cells;
    }
}
