package nl.omzien.campaigns;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

/**
 * The national Week tegen Eenzaamheid: from the last Thursday of September for seven days. Seed 000 §4.3 (Coevorden)
 * gives 25 September to 1 October 2025, a Thursday to the Wednesday after; a lead can still change the days (seed
 * 002 names 1 to 8 October for 2020, when the week was held in early October).
 */
public final class WeekAgainstLoneliness {

    private WeekAgainstLoneliness() {
    }

    public static LocalDate firstDay(int year) {
        return LocalDate.of(year, 9, 1).with(TemporalAdjusters.lastInMonth(DayOfWeek.THURSDAY));
    }

    public static LocalDate lastDay(int year) {
        return firstDay(year).plusDays(6);
    }

    /** The week of this year, or of next year once this year's has ended. */
    public static int yearFor(LocalDate today) {
        return today.isAfter(lastDay(today.getYear())) ? today.getYear() + 1 : today.getYear();
    }
}
