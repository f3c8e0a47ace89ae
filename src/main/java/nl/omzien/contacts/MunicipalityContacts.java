package nl.omzien.contacts;

import java.util.List;

/** The contacts of one municipality, in card order. */
public record MunicipalityContacts(long municipalityId, String municipalityName, List<LocalContact> contacts) {
}
