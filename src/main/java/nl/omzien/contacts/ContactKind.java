package nl.omzien.contacts;

/** The kinds of local help the "doorverwijzen" module teaches; the card lists contacts in this order. */
public enum ContactKind {
    SIGNAL_POINT, WELFARE, NEIGHBOURHOOD_TEAM, BUDDY_PROJECT, WELFARE_ON_PRESCRIPTION, OTHER;

    public String translationKey() {
        return "contact.kind." + name();
    }
}
