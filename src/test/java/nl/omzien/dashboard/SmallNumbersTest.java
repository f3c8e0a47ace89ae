package nl.omzien.dashboard;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What publication mode hides: small groups and whatever gives one away. */
class SmallNumbersTest {

    private final SmallNumbers publication = SmallNumbers.forPublication(true);
    private final SmallNumbers internal = SmallNumbers.forPublication(false);

    @Test
    void oneToFourIsHiddenZeroAndFiveAreNot() {
        assertThat(List.of(0L, 1L, 4L, 5L, 40L)).map(publication::hidden).containsExactly(false, true, true, false, false);
        assertThat(internal.hidden(3)).isFalse();
    }

    @Test
    void aSingleHiddenPartTakesTheSmallestOtherPartWithItSoTheTotalCannotGiveItAway() {
        // 30 trained in total: 12 + 3 + 15. Without a second hidden part 30 - 12 - 15 = 3.
        assertThat(publication.hiddenParts(List.of(12L, 3L, 15L))).containsExactlyInAnyOrder(1, 0);
        assertThat(publication.hiddenParts(List.of(2L, 3L, 15L))).containsExactlyInAnyOrder(0, 1);
        assertThat(publication.hiddenParts(List.of(0L, 3L))).containsExactlyInAnyOrder(0, 1);
        assertThat(publication.hiddenParts(List.of(7L, 8L))).isEmpty();
        assertThat(internal.hiddenParts(List.of(12L, 3L, 15L))).isEmpty();
    }

    @Test
    void aShareIsHiddenWhenItsPartItsWholeOrTheRestIsASmallGroup() {
        assertThat(publication.shareHidden(1, 5)).as("20% of 5 staff").isTrue();
        assertThat(publication.shareHidden(5, 6)).as("one missing").isTrue();
        assertThat(publication.shareHidden(3, 3)).as("three of three").isTrue();
        assertThat(publication.shareHidden(6, 12)).isFalse();
        assertThat(publication.shareHidden(0, 12)).isFalse();
    }

    @Test
    void runningTotalsAroundAHiddenPeriodAreNotShown() {
        List<TimePoint> points = List.of(point(1, 10, 110), point(2, 8, 118), point(3, 2, 120), point(4, 9, 129), point(5, 7, 136));
        // Months 3 (2) and, to protect it, 5 (7) are hidden; totals from month 3 on would give month 3 away.
        assertThat(publication.hiddenParts(points.stream().map(TimePoint::trained).toList())).containsExactlyInAnyOrder(2, 4);
        assertThat(publication.cumulativeShown(points)).containsExactly(true, true, false, false, true);
        // People trained before the period (here 3) follow from the first running total minus its month.
        assertThat(publication.cumulativeShown(List.of(point(1, 10, 13), point(2, 10, 23)))).containsExactly(false, false);
        assertThat(internal.cumulativeShown(points)).containsOnly(true);
    }

    private static TimePoint point(int month, long trained, long cumulative) {
        return new TimePoint(LocalDate.of(2025, month, 1), trained, cumulative);
    }
}
