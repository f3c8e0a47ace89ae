package nl.omzien.contacts;

import nl.omzien.base.MunicipalityId;

import java.util.Locale;

/**
 * One place to refer people to in a municipality. Optional fields are null when empty.
 * {@code example} marks demo data that is not a real service. {@code kern} is the village or district it
 * serves (issue 21); null means the whole municipality.
 */
public record LocalContact(long id, MunicipalityId municipalityId, ContactKind kind, String name, String offer, String phone,
                           String email, String website, String openingHours, boolean example, String kern) {

    public LocalContact(long id, MunicipalityId municipalityId, ContactKind kind, String name, String offer, String phone,
                        String email, String website, String openingHours, boolean example) {
        this(id, municipalityId, kind, name, offer, phone, email, website, openingHours, example, null);
    }

    /** Whether this contact serves that kern (an organisation's village); case and spaces do not count. */
    public boolean servesKern(String village) {
        return kern != null && village != null && sameKern(kern, village);
    }

    static boolean sameKern(String a, String b) {
        return a.strip().toLowerCase(Locale.ROOT).equals(b.strip().toLowerCase(Locale.ROOT));
    }
}
