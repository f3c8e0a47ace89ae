package nl.omzien.dashboard;

import nl.omzien.base.MunicipalityId;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Objects;

/**
 * What the dashboard shows: one municipality (or all, for an admin: {@code municipalityId} null) and
 * a period of whole months, {@code from} and {@code until} inclusive.
 */
public record DashboardFilter(MunicipalityId municipalityId, YearMonth from, YearMonth until) {

    public DashboardFilter {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(until, "until");
        if (until.isBefore(from)) {
            throw new IllegalArgumentException("Period ends before it starts");
        }
    }

    public static DashboardFilter year(MunicipalityId municipalityId, int year) {
        return new DashboardFilter(municipalityId, YearMonth.of(year, 1), YearMonth.of(year, 12));
    }

    public LocalDate firstDay() {
        return from.atDay(1);
    }

    public LocalDate lastDay() {
        return until.atEndOfMonth();
    }
}
