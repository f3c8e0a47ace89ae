package nl.omzien.dashboard;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * What "Voor publicatie" hides, in one place for the screen, the charts, CSV, XLSX and the council
 * PDF: every number of people from 1 to 4, and every figure from which one can be worked out — a
 * share or average over fewer than five people or missing fewer than five ("20% of 5 staff"), and a
 * part that the total minus the shown parts would give away (complementary suppression). Zero stays
 * visible: nobody is nobody.
 */
public final class SmallNumbers {

    /** Groups smaller than this are hidden in publications. */
    public static final int THRESHOLD = 5;
    /** What a hidden number shows. */
    public static final String HIDDEN = "<" + THRESHOLD;

    private static final SmallNumbers OFF = new SmallNumbers(false);
    private static final SmallNumbers ON = new SmallNumbers(true);

    private final boolean publication;

    private SmallNumbers(boolean publication) {
        this.publication = publication;
    }

    public static SmallNumbers forPublication(boolean publication) {
        return publication ? ON : OFF;
    }

    public boolean publication() {
        return publication;
    }

    /** A number of people that is hidden: 1 to 4, in publication mode. */
    public boolean hidden(long people) {
        return publication && people > 0 && people < THRESHOLD;
    }

    /**
     * The parts of a whole to hide: every small one and, when exactly one is hidden, also the smallest
     * other part — otherwise the total (shown elsewhere) minus the shown parts gives the hidden one.
     */
    public Set<Integer> hiddenParts(List<Long> parts) {
        return hiddenParts(parts, Set.of());
    }

    /** As {@link #hiddenParts(List)}, with parts that must be hidden whatever their value (a small organisation's zero). */
    Set<Integer> hiddenParts(List<Long> parts, Set<Integer> alsoHidden) {
        if (!publication) {
            return Set.of();
        }
        Set<Integer> hidden = new HashSet<>(alsoHidden);
        IntStream.range(0, parts.size()).filter(i -> hidden(parts.get(i))).forEach(hidden::add);
        if (hidden.size() == 1 && parts.size() > 1) {
            IntStream.range(0, parts.size()).filter(i -> !hidden.contains(i)).boxed()
                    .min(Comparator.<Integer>comparingInt(i -> parts.get(i) > 0 ? 0 : 1).thenComparingLong(parts::get))
                    .ifPresent(hidden::add);
        }
        return hidden;
    }

    /** A share {@code part}/{@code whole} is hidden when the part, the whole or what is missing is a small group. */
    public boolean shareHidden(long part, long whole) {
        return hidden(part) || hidden(whole) || hidden(whole - part);
    }

    /** An average over {@code basis} people (or answers) is hidden when they are fewer than five. */
    public boolean averageHidden(long basis) {
        return hidden(basis);
    }

    /**
     * Which running totals can be shown next to the people per period: differences of two running totals
     * give the periods between them, and the first running total minus its period gives the people before.
     * With a hidden period, only running totals before the first hidden period and the last one are shown
     * (the last minus the earlier ones covers at least two hidden periods, see {@link #hiddenParts}).
     */
    public List<Boolean> cumulativeShown(List<TimePoint> points) {
        List<Boolean> shown = new ArrayList<>();
        if (!publication || points.isEmpty()) {
            points.forEach(p -> shown.add(true));
            return shown;
        }
        long before = points.getFirst().cumulative() - points.getFirst().trained();
        Set<Integer> hiddenPeriods = hiddenParts(points.stream().map(TimePoint::trained).toList());
        int firstHidden = hiddenPeriods.stream().mapToInt(Integer::intValue).min().orElse(Integer.MAX_VALUE);
        for (int i = 0; i < points.size(); i++) {
            shown.add(!hidden(before) && !hidden(points.get(i).cumulative()) && (i < firstHidden || i == points.size() - 1));
        }
        return shown;
    }

    /** Share of confirmed places where the person came. */
    public boolean attendanceHidden(DashboardFigures f) {
        return shareHidden(f.present(), f.seats());
    }

    public boolean evaluationHidden(DashboardFigures f) {
        return averageHidden(f.evaluations());
    }

    public boolean confidenceHidden(DashboardFigures f) {
        return averageHidden(f.confidenceAttempts());
    }

    /** A target's reached value counts people only for "people trained" targets; its share gives the value away. */
    public boolean targetHidden(TargetProgress p) {
        return p.target().kind() == TargetKind.TRAINED && hidden(p.reached());
    }

    /**
     * The organisation rows whose trained-in-period, trained-in-total, staff or share are hidden, and the
     * small organisations (fewer than five staff) whose whole row is: every count, even a zero, the last
     * training date and the partner yes/no, which the partner rule would turn back into a count.
     */
    public record OrganisationMask(Set<Integer> inPeriod, Set<Integer> total, Set<Integer> staff, Set<Integer> share,
                                   Set<Integer> small) {
    }

    public OrganisationMask organisations(List<OrganisationFigures> rows) {
        Set<Integer> small = new HashSet<>();
        for (int i = 0; i < rows.size(); i++) {
            if (hidden(rows.get(i).registeredStaff())) {
                small.add(i);
            }
        }
        Set<Integer> inPeriod = hiddenParts(rows.stream().map(OrganisationFigures::trainedInPeriod).toList(), small);
        Set<Integer> total = hiddenParts(rows.stream().map(OrganisationFigures::trainedTotal).toList(), small);
        Set<Integer> share = new HashSet<>(small);
        for (int i = 0; i < rows.size(); i++) {
            OrganisationFigures o = rows.get(i);
            if (total.contains(i) || shareHidden(o.trainedTotal(), o.registeredStaff())) {
                share.add(i);
            }
        }
        return new OrganisationMask(inPeriod, total, small, share, small);
    }
}
