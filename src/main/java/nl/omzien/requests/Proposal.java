package nl.omzien.requests;

import java.time.LocalDate;
import java.time.LocalTime;

/** The trainer's proposal: a date, times (Europe/Amsterdam) and the place. */
public record Proposal(LocalDate date, LocalTime startTime, LocalTime endTime, String place) {
}
