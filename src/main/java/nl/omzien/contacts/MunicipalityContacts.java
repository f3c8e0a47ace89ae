package nl.omzien.contacts;

import nl.omzien.base.MunicipalityId;
import java.util.List;

/** The contacts of one municipality, in card order. */
public record MunicipalityContacts(MunicipalityId municipalityId, String municipalityName, List<LocalContact> contacts) {
}
