package nl.omzien.contacts;

import nl.omzien.base.MunicipalityId;
/**
 * One place to refer people to in a municipality. Optional fields are null when empty.
 * {@code example} marks demo data that is not a real service.
 */
public record LocalContact(long id, MunicipalityId municipalityId, ContactKind kind, String name, String offer, String phone,
                           String email, String website, String openingHours, boolean example) {
}
