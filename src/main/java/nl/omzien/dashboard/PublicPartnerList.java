package nl.omzien.dashboard;

import java.time.LocalDate;
import java.util.List;

/** The public list of a municipality's current Omzien-partners: organisations only, no counts. */
public record PublicPartnerList(String municipality, List<Entry> partners) {

    public record Entry(String organisation, LocalDate since, LocalDate validUntil, String publicId) {
    }
}
