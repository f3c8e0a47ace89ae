package nl.omzien.dashboard;

import java.time.LocalDate;

/** People trained in one month, quarter or year starting at {@code start}, and the running total since the start. */
public record TimePoint(LocalDate start, long trained, long cumulative) {
}
