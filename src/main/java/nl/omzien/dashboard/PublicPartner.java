package nl.omzien.dashboard;

import java.time.LocalDate;

/** What the public partner page shows: no counts, no names of people. */
public record PublicPartner(String organisation, String municipality, LocalDate since, LocalDate validUntil, PartnerState state) {
}
