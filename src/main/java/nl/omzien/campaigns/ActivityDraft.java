package nl.omzien.campaigns;

import java.time.LocalDate;
import java.time.LocalTime;

/** What a lead types for an activity; times are Dutch local time. {@code description} and {@code link} are optional. */
public record ActivityDraft(String title, LocalDate day, LocalTime from, LocalTime until, String place, String organiser,
                            String description, String link) {
}
