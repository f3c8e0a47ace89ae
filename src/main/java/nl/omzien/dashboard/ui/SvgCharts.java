package nl.omzien.dashboard.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.html.Div;

import java.util.List;
import java.util.Locale;

/**
 * Small charts drawn on the server as SVG (see docs/decisions/009-dashboard-read-model.md): no chart
 * library, no frontend build, prints as crisp as the page. Every number is written next to its bar, so
 * the chart reads without colour; the view puts a table with the same numbers under each chart.
 */
final class SvgCharts {

    /** A bar; a {@code hidden} one (publication, small group) is drawn without length, labelled "&lt;5". */
    record Bar(String label, long value, boolean hidden) {
        Bar(String label, long value) {
            this(label, value, false);
        }

        String shown() {
            return hidden ? nl.omzien.dashboard.SmallNumbers.HIDDEN : String.valueOf(value);
        }

        long length() {
            return hidden ? 0 : value;
        }
    }

    private static final String BAR = "#1f5f8b";
    private static final String LINE = "#b3541e";
    private static final String INK = "#1a1a1a";
    private static final String GRID = "#d0d7de";

    private SvgCharts() {
    }

    /** A chart on the page, in the holder that the theme sizes. */
    static Component holder(String svg) {
        Div holder = new Div(new Html(svg));
        holder.addClassName("dashboard-chart-holder");
        return holder;
    }

    /**
     * A chart drawn twice: for a laptop, and for a phone ({@link #narrow}), where the laptop drawing
     * scaled to 360 px had 6 px text; the theme shows one of the two (wide-only, narrow-only).
     */
    static Component holder(String wide, String narrow) {
        Div wideChart = new Div(new Html(wide));
        wideChart.addClassNames("wide-only", "dashboard-chart-variant");
        Div narrowChart = new Div(new Html(narrow));
        narrowChart.addClassNames("narrow-only", "dashboard-chart-variant");
        Div holder = new Div(wideChart, narrowChart);
        holder.addClassName("dashboard-chart-holder");
        return holder;
    }

    /**
     * Horizontal bars for a phone: a drawing about as wide as the screen, so text keeps its size. Short
     * labels (periods) sit left of their bar, longer ones (sectors, modules) on their own line above it.
     * {@code caption}, when not null, is written above the bars.
     */
    static String narrow(List<Bar> bars, String title, String caption) {
        int width = 340;
        boolean inline = bars.stream().allMatch(b -> b.label().length() <= 8);
        int labelWidth = inline ? 64 : 4;
        int row = inline ? 28 : 46;
        int top = caption == null ? 4 : 28;
        int height = top + Math.max(1, bars.size()) * row + 4;
        long max = Math.max(1, bars.stream().mapToLong(Bar::length).max().orElse(1));
        StringBuilder svg = open(width, height, title);
        if (caption != null) {
            svg.append(text(4, 18, caption, "start"));
        }
        int y = top;
        for (Bar bar : bars) {
            int barTop = inline ? y + 5 : y + 22;
            double w = (width - labelWidth - 44) * (double) bar.length() / max;
            svg.append(inline ? text(labelWidth - 8, y + 19, bar.label(), "end") : text(4, y + 16, shorten(bar.label(), 44), "start"));
            if (!bar.hidden()) {
                svg.append("<rect x=\"").append(labelWidth).append("\" y=\"").append(barTop).append("\" width=\"")
                        .append(String.format(Locale.ROOT, "%.1f", Math.max(w, 1))).append("\" height=\"18\" fill=\"")
                        .append(BAR).append("\"/>");
            }
            svg.append(text((int) (labelWidth + w + 6), barTop + 14, bar.shown(), "start"));
            y += row;
        }
        return svg.append("</svg>").toString();
    }

    /** Horizontal bars, one row per label; the SVG scales to its container's width. */
    static String horizontal(List<Bar> bars, String title) {
        int row = 28;
        int labelWidth = 220;
        int width = 640;
        int height = Math.max(row, bars.size() * row) + 8;
        long max = Math.max(1, bars.stream().mapToLong(Bar::length).max().orElse(1));
        StringBuilder svg = open(width, height, title);
        int y = 4;
        for (Bar bar : bars) {
            double w = (width - labelWidth - 60) * (double) bar.length() / max;
            svg.append(text(labelWidth - 8, y + 18, shorten(bar.label(), 30), "end"));
            if (!bar.hidden()) {
                svg.append("<rect x=\"").append(labelWidth).append("\" y=\"").append(y + 4).append("\" width=\"")
                        .append(String.format(Locale.ROOT, "%.1f", Math.max(w, 1))).append("\" height=\"").append(row - 10)
                        .append("\" fill=\"").append(BAR).append("\"/>");
            }
            svg.append(text((int) (labelWidth + w + 6), y + 18, bar.shown(), "start"));
            y += row;
        }
        return svg.append("</svg>").toString();
    }

    /**
     * Vertical bars per period with a line for the running total (its own scale, labelled at the last
     * point); a null running total (hidden in a publication) leaves its point out of the line.
     */
    static String overTime(List<Bar> bars, List<Long> cumulative, String title, String cumulativeLabel) {
        int width = 720;
        int height = 276;
        int left = 40;
        int bottom = 40;
        int top = 44; // room for the running total above the tallest bar's number

        int plotHeight = height - bottom - top;
        long maxBar = Math.max(1, bars.stream().mapToLong(Bar::length).max().orElse(1));
        long maxLine = Math.max(1, cumulative.stream().filter(java.util.Objects::nonNull).mapToLong(Long::longValue).max().orElse(1));
        double slot = (width - left - 10) / (double) Math.max(1, bars.size());
        StringBuilder svg = open(width, height, title);
        svg.append("<line x1=\"").append(left).append("\" y1=\"").append(height - bottom).append("\" x2=\"").append(width - 10)
                .append("\" y2=\"").append(height - bottom).append("\" stroke=\"").append(GRID).append("\"/>");
        StringBuilder line = new StringBuilder();
        int labelEvery = Math.max(1, (int) Math.ceil(bars.size() / 12.0));
        for (int i = 0; i < bars.size(); i++) {
            Bar bar = bars.get(i);
            double h = plotHeight * (double) bar.length() / maxBar;
            double x = left + i * slot + slot * 0.15;
            svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"/>",
                    x, height - bottom - h, slot * 0.7, Math.max(h, 0), BAR));
            if (bar.value() > 0 && slot >= 22) {
                svg.append(text((int) (x + slot * 0.35), (int) (height - bottom - h - 4), bar.shown(), "middle"));
            }
            if (i % labelEvery == 0) {
                svg.append(text((int) (x + slot * 0.35), height - bottom + 16, bar.label(), "middle"));
            }
            if (cumulative.get(i) != null) {
                double ly = height - bottom - plotHeight * (double) cumulative.get(i) / maxLine;
                line.append(line.isEmpty() ? "M" : " L").append(String.format(Locale.ROOT, "%.1f %.1f", x + slot * 0.35, ly));
            }
        }
        if (!line.isEmpty()) {
            svg.append("<path d=\"").append(line).append("\" fill=\"none\" stroke=\"").append(LINE)
                    .append("\" stroke-width=\"3\" stroke-dasharray=\"6 3\"/>");
        }
        if (!bars.isEmpty() && cumulative.getLast() != null) {
            svg.append(text(width - 12, 16, cumulativeLabel + ": " + cumulative.getLast(), "end"));
        }
        return svg.append("</svg>").toString();
    }

    private static StringBuilder open(int width, int height, String title) {
        return new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(width).append(' ').append(height)
                .append("\" style=\"width:100%;height:auto;aspect-ratio:").append(width).append(" / ").append(height)
                .append("\" role=\"img\" aria-label=\"").append(escape(title)).append("\" class=\"dashboard-chart\" ")
                .append("preserveAspectRatio=\"xMinYMin meet\" font-family=\"sans-serif\" font-size=\"13\">")
                .append("<title>").append(escape(title)).append("</title>");
    }

    private static String text(int x, int y, String text, String anchor) {
        return "<text x=\"" + x + "\" y=\"" + y + "\" text-anchor=\"" + anchor + "\" fill=\"" + INK + "\">" + escape(text) + "</text>";
    }

    private static String shorten(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
