package nl.omzien.people;

/** What happened when someone used the link that confirms a new e-mail address. */
public enum EmailChangeResult {
    CONFIRMED,
    /** The link is older than {@link ProfileService#EMAIL_LINK_VALID_FOR}. */
    EXPIRED,
    /** Unknown, already used, or replaced by a newer request. */
    INVALID,
    /** Someone else took the address between request and confirmation. */
    TAKEN
}
