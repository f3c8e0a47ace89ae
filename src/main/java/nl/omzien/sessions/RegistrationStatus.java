package nl.omzien.sessions;

/** Where a person stands for one session. CONFIRMED and OFFERED hold a seat. */
public enum RegistrationStatus {
    /** Has a seat. */
    CONFIRMED,
    /** Waits in arrival order for a seat. */
    WAITLISTED,
    /** A seat is held for this person until the offer expires. */
    OFFERED,
    /** The person cancelled. */
    CANCELLED,
    /** The person did not accept an offer in time; the seat went to the next in line. */
    OFFER_EXPIRED,
    /** The trainer cancelled the whole session. */
    SESSION_CANCELLED,
    /** The person rescheduled to another occurrence. */
    MOVED;

    public boolean holdsSeat() {
        return this == CONFIRMED || this == OFFERED;
    }

    public boolean isLive() {
        return this == CONFIRMED || this == OFFERED || this == WAITLISTED;
    }

    public String translationKey() {
        return "registration.status." + name();
    }
}
