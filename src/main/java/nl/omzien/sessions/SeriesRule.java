package nl.omzien.sessions;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;

/**
 * "Every {@code ordinal} {@code day} of every {@code everyMonths} months from {@code from} up to
 * {@code until}", e.g. every first Tuesday of the quarter: ordinal 1, TUESDAY, every 3 months.
 * Ordinal -1 means the last such day of the month.
 */
public record SeriesRule(int ordinal, DayOfWeek day, int everyMonths, LocalDate from, LocalDate until) {

    /** A year of sessions at most: a series is planned again next year, with fresh dates. */
    public static final int MAX_OCCURRENCES = 53;

    public SeriesRule {
        if (ordinal == 0 || ordinal < -1 || ordinal > 4 || day == null || everyMonths < 1 || everyMonths > 12
                || from == null || until == null || until.isBefore(from)) {
            throw new IllegalArgumentException("Not a valid series rule");
        }
    }

    /** The dates, in order, from the month of {@code from}; dates before {@code from} are skipped. */
    public List<LocalDate> dates() {
        List<LocalDate> dates = new ArrayList<>();
        for (YearMonth month = YearMonth.from(from); !month.atDay(1).isAfter(until) && dates.size() < MAX_OCCURRENCES;
             month = month.plusMonths(everyMonths)) {
            LocalDate date = month.atDay(1).with(ordinal == -1 ? TemporalAdjusters.lastInMonth(day)
                    : TemporalAdjusters.dayOfWeekInMonth(ordinal, day));
            if (!date.isBefore(from) && !date.isAfter(until)) {
                dates.add(date);
            }
        }
        return dates;
    }
}
