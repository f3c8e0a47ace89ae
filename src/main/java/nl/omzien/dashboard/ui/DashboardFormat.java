package nl.omzien.dashboard.ui;

import nl.omzien.dashboard.SmallNumbers;

import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.function.BooleanSupplier;

/**
 * How every dashboard section writes numbers and dates in the person's language. Publication mode is
 * read at each call, so a section built after the checkbox changed hides the same small numbers as the
 * export does.
 */
final class DashboardFormat {

    private final Locale locale;
    private final BooleanSupplier publication;
    private final String none;
    private final NumberFormat oneDecimal;
    private final DateTimeFormatter dateFormat;
    private final DateTimeFormatter monthFormat;

    /** {@code none} is the text for a figure without data (a dash). */
    DashboardFormat(Locale locale, BooleanSupplier publication, String none) {
        this.locale = locale;
        this.publication = publication;
        this.none = none;
        oneDecimal = NumberFormat.getNumberInstance(locale);
        oneDecimal.setMinimumFractionDigits(1);
        oneDecimal.setMaximumFractionDigits(1);
        dateFormat = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale);
        monthFormat = DateTimeFormatter.ofPattern("MMMM yyyy", locale);
    }

    boolean publication() {
        return publication.getAsBoolean();
    }

    SmallNumbers small() {
        return SmallNumbers.forPublication(publication());
    }

    /** A number of people; in publication mode 1-4 shows as "<5". */
    String count(long n) {
        return small().hidden(n) ? SmallNumbers.HIDDEN : String.valueOf(n);
    }

    String percent(OptionalDouble share) {
        return share.isPresent() ? oneDecimal.format(share.getAsDouble() * 100) + "%" : none;
    }

    String decimal(OptionalDouble value) {
        return value.isPresent() ? oneDecimal.format(value.getAsDouble()) : none;
    }

    String date(LocalDate date) {
        return dateFormat.format(date);
    }

    String month(YearMonth month) {
        return monthFormat.format(month);
    }
}
