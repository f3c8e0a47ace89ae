package nl.omzien.requests;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.util.Set;

/**
 * Working days in the Netherlands: Monday to Friday, without the national public holidays most employers give:
 * New Year's Day, Easter Monday, King's Day, Ascension Day, Whit Monday, Christmas and Boxing Day, and Liberation
 * Day in lustrum years (every fifth year, as most collective agreements do). Good Friday is not a day off for most.
 */
public final class WorkingDays {

    /** A request is answered within this many working days, or flagged for the lead. */
    public static final int ANSWER_WITHIN = 10;

    private WorkingDays() {
    }

    public static boolean isWorkingDay(LocalDate day) {
        DayOfWeek weekday = day.getDayOfWeek();
        return weekday != DayOfWeek.SATURDAY && weekday != DayOfWeek.SUNDAY && !holidays(day.getYear()).contains(day);
    }

    /** Working days after {@code from} up to and including {@code until} (0 when until is not after from). */
    public static int between(LocalDate from, LocalDate until) {
        int count = 0;
        for (LocalDate day = from.plusDays(1); !day.isAfter(until); day = day.plusDays(1)) {
            if (isWorkingDay(day)) {
                count++;
            }
        }
        return count;
    }

    static Set<LocalDate> holidays(int year) {
        LocalDate easter = easterSunday(year);
        LocalDate kingsDay = LocalDate.of(year, Month.APRIL, 27);
        if (kingsDay.getDayOfWeek() == DayOfWeek.SUNDAY) {
            kingsDay = kingsDay.minusDays(1);
        }
        java.util.HashSet<LocalDate> days = new java.util.HashSet<>(Set.of(LocalDate.of(year, 1, 1), easter.plusDays(1),
                kingsDay, easter.plusDays(39), easter.plusDays(50), LocalDate.of(year, 12, 25), LocalDate.of(year, 12, 26)));
        if (year % 5 == 0) {
            days.add(LocalDate.of(year, Month.MAY, 5));
        }
        return days;
    }

    /** Gregorian Easter Sunday (the anonymous "Meeus/Jones/Butcher" algorithm). */
    static LocalDate easterSunday(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = (h + l - 7 * m + 114) % 31 + 1;
        return LocalDate.of(year, month, day);
    }
}
