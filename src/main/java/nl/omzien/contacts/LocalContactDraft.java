package nl.omzien.contacts;

/** What a coalition lead typed into the contact form; the service validates and normalises it. */
public record LocalContactDraft(ContactKind kind, String name, String offer, String phone, String email, String website,
                                String openingHours) {

    public static LocalContactDraft of(LocalContact contact) {
        return new LocalContactDraft(contact.kind(), contact.name(), contact.offer(), contact.phone(), contact.email(),
                contact.website(), contact.openingHours());
    }
}
