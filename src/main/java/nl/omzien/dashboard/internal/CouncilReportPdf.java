package nl.omzien.dashboard.internal;

import nl.omzien.base.PdfText;
import nl.omzien.dashboard.Breakdown;
import nl.omzien.dashboard.DashboardFigures;
import nl.omzien.dashboard.DashboardFilter;
import nl.omzien.dashboard.DashboardTable;
import nl.omzien.dashboard.SmallNumbers;
import nl.omzien.dashboard.EvaluationComment;
import nl.omzien.dashboard.TargetProgress;
import nl.omzien.dashboard.TimePoint;
import org.apache.pdfbox.pdmodel.common.PDRectangle;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * The report a policy officer hands to the council: period, headline figures, people trained over
 * time and per sector as bar charts (each with its numbers next to the bars), targets with progress,
 * and a page of what participants said.
 */
public final class CouncilReportPdf {

    /** What the report shows; {@code publication} hides groups smaller than five. */
    public record Content(String place, DashboardFilter filter, DashboardFigures figures, List<TimePoint> overTime,
                          List<Breakdown> sectors, List<TargetProgress> targets, List<EvaluationComment> comments,
                          boolean publication, LocalDate today, List<DashboardTable> effect, DashboardTable campaign) {
    }

    private CouncilReportPdf() {
    }

    public static byte[] render(Content c, Texts t, Locale locale) {
        NumberFormat one = NumberFormat.getNumberInstance(locale);
        one.setMaximumFractionDigits(1);
        one.setMinimumFractionDigits(1);
        DateTimeFormatter date = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale);
        DateTimeFormatter month = DateTimeFormatter.ofPattern("MMM yyyy", locale);
        DateTimeFormatter fullMonth = DateTimeFormatter.ofPattern("MMMM yyyy", locale);
        try (PdfCanvas pdf = new PdfCanvas(PDRectangle.A4)) {
            pdf.newPage();
            pdf.paragraph(t.get("dashboard.report.title"), pdf.bold, 20, PdfCanvas.ACCENT, 0);
            pdf.paragraph(pdf.printable(c.place(), pdf.bold), pdf.bold, 14, PdfCanvas.INK, 6);
            pdf.paragraph(t.get("dashboard.report.period", fullMonth.format(c.filter().from()), fullMonth.format(c.filter().until())),
                    pdf.regular, 11, PdfCanvas.INK, 4);
            pdf.paragraph(t.get("dashboard.report.made-on", date.format(c.today())), pdf.regular, 9, PdfCanvas.MUTED, 2);
            if (c.publication()) {
                pdf.paragraph(t.get("dashboard.report.publication"), pdf.regular, 9, PdfCanvas.MUTED, 2);
            }

            heading(pdf, t.get("dashboard.report.figures"));
            DashboardFigures f = c.figures();
            SmallNumbers small = SmallNumbers.forPublication(c.publication());
            row(pdf, t.get("dashboard.figure.trained"), count(f.trained(), small));
            row(pdf, t.get("dashboard.figure.started"), count(f.started(), small));
            row(pdf, t.get("dashboard.figure.sessions"), String.valueOf(f.sessionsHeld()));
            row(pdf, t.get("dashboard.figure.attendance"), small.attendanceHidden(f) ? SmallNumbers.HIDDEN : percent(f.attendanceRate(), one));
            row(pdf, t.get("dashboard.figure.organisations"), String.valueOf(f.organisationsReached()));
            row(pdf, t.get("dashboard.figure.evaluation"), small.evaluationHidden(f) ? SmallNumbers.HIDDEN : number(f.averageEvaluation(), one));
            row(pdf, t.get("dashboard.figure.confidence"), small.confidenceHidden(f) ? SmallNumbers.HIDDEN
                    : f.confidenceBefore().isPresent()
                    ? t.get("dashboard.figure.confidence-value", one.format(f.confidenceBefore().getAsDouble()),
                            one.format(f.confidenceAfter().getAsDouble()))
                    : "–");

            heading(pdf, t.get("dashboard.report.over-time"));
            bars(pdf, c.overTime().stream().map(p -> new Bar(month.format(p.start()), p.trained())).toList(), small);
            heading(pdf, t.get("dashboard.report.sectors"));
            bars(pdf, c.sectors().stream().map(b -> new Bar(b.label(), b.count())).toList(), small);

            heading(pdf, t.get("dashboard.report.targets"));
            if (c.targets().isEmpty()) {
                pdf.paragraph(t.get("dashboard.targets.none"), pdf.regular, 10, PdfCanvas.MUTED, 4);
            }
            for (TargetProgress p : c.targets()) {
                String label = p.target().audience() == null ? t.get("dashboard.target.kind." + p.target().kind())
                        : t.get("dashboard.target.kind.TRAINED-audience", t.get("audience." + p.target().audience()));
                pdf.room(34);
                pdf.y -= 14;
                pdf.text(PdfCanvas.MARGIN, pdf.y, p.target().year() + " · " + label, pdf.regular, 10, PdfCanvas.INK);
                pdf.y -= 14;
                float full = 260;
                pdf.rect(PdfCanvas.MARGIN, pdf.y, full, 9, PdfCanvas.LIGHT);
                boolean hidden = small.targetHidden(p);
                if (!hidden) {
                    pdf.rect(PdfCanvas.MARGIN, pdf.y, (float) (full * p.share()), 9, PdfCanvas.ACCENT);
                }
                pdf.text(PdfCanvas.MARGIN + full + 10, pdf.y, t.get("dashboard.target.progress",
                                hidden ? SmallNumbers.HIDDEN : String.valueOf(p.reached()), p.target().target()),
                        pdf.regular, 10, PdfCanvas.INK);
            }

            if (c.campaign() != null) {
                campaign(pdf, c.campaign());
            }

            EffectPdfPage.render(pdf, c.effect(), t, locale);

            pdf.newPage();
            pdf.paragraph(t.get("dashboard.report.comments"), pdf.bold, 14, PdfCanvas.ACCENT, 0);
            if (c.comments().isEmpty()) {
                pdf.paragraph(t.get("dashboard.comments.none"), pdf.regular, 10, PdfCanvas.MUTED, 6);
            }
            for (EvaluationComment comment : c.comments().stream().limit(20).toList()) {
                pdf.paragraph(pdf.printable(comment.sessionTitle(), pdf.bold) + " · " + date.format(comment.sessionOn())
                        + " · " + t.get("dashboard.comments.score", comment.score()), pdf.bold, 9, PdfCanvas.MUTED, 10);
                if (comment.comment() != null) {
                    pdf.paragraph("“" + pdf.printable(comment.comment(), pdf.regular) + "”", pdf.regular, 10, PdfCanvas.INK, 2);
                }
                pdf.paragraph(t.get("dashboard.comments.do-differently") + ": " + pdf.printable(comment.doDifferently(), pdf.regular),
                        pdf.regular, 10, PdfCanvas.INK, 2);
            }
            return pdf.finish(t.get("dashboard.report.title") + " – " + c.place());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Bar(String label, long value) {
    }

    private static void heading(PdfCanvas pdf, String text) throws IOException {
        pdf.room(60);
        pdf.paragraph(text, pdf.bold, 13, PdfCanvas.ACCENT, 16);
    }

    /** The campaign's figures beside the same weeks a year before, as the export's table has them ("<5" included). */
    private static void campaign(PdfCanvas pdf, DashboardTable table) throws IOException {
        heading(pdf, pdf.printable(table.title(), pdf.bold));
        float during = PdfCanvas.MARGIN + 290;
        float before = PdfCanvas.MARGIN + 400;
        pdf.room(16);
        pdf.y -= 13;
        pdf.text(during, pdf.y, PdfText.fit(pdf.printable(table.headers().get(1), pdf.bold), pdf.bold, 9, before - during - 10),
                pdf.bold, 9, PdfCanvas.MUTED);
        pdf.text(before, pdf.y, pdf.printable(table.headers().get(2), pdf.bold), pdf.bold, 9, PdfCanvas.MUTED);
        for (List<Object> row : table.rows()) {
            pdf.room(16);
            pdf.y -= 15;
            pdf.text(PdfCanvas.MARGIN, pdf.y, String.valueOf(row.get(0)), pdf.regular, 10.5f, PdfCanvas.INK);
            pdf.text(during, pdf.y, String.valueOf(row.get(1)), pdf.bold, 10.5f, PdfCanvas.INK);
            pdf.text(before, pdf.y, String.valueOf(row.get(2)), pdf.regular, 10.5f, PdfCanvas.INK);
        }
    }

    private static void row(PdfCanvas pdf, String label, String value) throws IOException {
        pdf.room(16);
        pdf.y -= 15;
        pdf.text(PdfCanvas.MARGIN, pdf.y, label, pdf.regular, 10.5f, PdfCanvas.INK);
        pdf.text(PdfCanvas.MARGIN + 330, pdf.y, value, pdf.bold, 10.5f, PdfCanvas.INK);
    }

    /** Horizontal bars with the number printed after each bar, so the chart reads without colour. */
    /** Horizontal bars; a hidden value gets no bar (its length would tell it) and "<5". */
    private static void bars(PdfCanvas pdf, List<Bar> bars, SmallNumbers small) throws IOException {
        if (bars.isEmpty()) {
            pdf.paragraph("–", pdf.regular, 10, PdfCanvas.MUTED, 4);
            return;
        }
        java.util.Set<Integer> hidden = small.hiddenParts(bars.stream().map(Bar::value).toList());
        long max = Math.max(1, java.util.stream.IntStream.range(0, bars.size()).filter(i -> !hidden.contains(i))
                .mapToLong(i -> bars.get(i).value()).max().orElse(1));
        float labelWidth = 150;
        int index = 0;
        float barWidth = pdf.width() - labelWidth - 50;
        for (Bar bar : bars) {
            boolean isHidden = hidden.contains(index++);
            pdf.room(14);
            pdf.y -= 14;
            String label = PdfText.fit(pdf.printable(bar.label(), pdf.regular), pdf.regular, 9, labelWidth - 6);
            pdf.text(PdfCanvas.MARGIN, pdf.y, label, pdf.regular, 9, PdfCanvas.INK);
            float w = isHidden ? 0 : barWidth * bar.value() / max;
            if (!isHidden) {
                pdf.rect(PdfCanvas.MARGIN + labelWidth, pdf.y - 1, Math.max(w, 0.5f), 9, PdfCanvas.ACCENT);
            }
            String value = isHidden ? SmallNumbers.HIDDEN : String.valueOf(bar.value());
            pdf.text(PdfCanvas.MARGIN + labelWidth + w + 6, pdf.y, value, pdf.regular, 9, PdfCanvas.INK);
        }
    }

    private static String count(long people, SmallNumbers small) {
        return small.hidden(people) ? SmallNumbers.HIDDEN : String.valueOf(people);
    }

    private static String percent(OptionalDouble share, NumberFormat format) {
        return share.isPresent() ? format.format(share.getAsDouble() * 100) + "%" : "–";
    }

    private static String number(OptionalDouble value, NumberFormat format) {
        return value.isPresent() ? format.format(value.getAsDouble()) : "–";
    }
}
