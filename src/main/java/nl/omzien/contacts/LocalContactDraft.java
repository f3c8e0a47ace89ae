package nl.omzien.contacts;

/**
 * What a coalition lead typed into the contact form; the service validates and normalises it.
 * {@code kern}: the village or district the contact serves, blank for the whole municipality.
 */
public record LocalContactDraft(ContactKind kind, String name, String offer, String phone, String email, String website,
                                String openingHours, String kern) {

    public LocalContactDraft(ContactKind kind, String name, String offer, String phone, String email, String website,
                             String openingHours) {
        this(kind, name, offer, phone, email, website, openingHours, null);
    }

    public static LocalContactDraft of(LocalContact contact) {
        return new LocalContactDraft(contact.kind(), contact.name(), contact.offer(), contact.phone(), contact.email(),
                contact.website(), contact.openingHours(), contact.kern());
    }
}
