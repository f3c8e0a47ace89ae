package nl.omzien.people;

/** The three variants of the training content (see modules/README.md). */
public enum Audience {
    PROFESSIONAL, SHOP, CHURCH;

    public String id() {
        return name().toLowerCase();
    }
}
