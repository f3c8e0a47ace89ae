package nl.omzien.dashboard;

/**
 * When an organisation is an "Omzien-partner": at least {@code sharePercent} of its registered staff
 * trained and at least {@code minTrained} people (like Samen Dementievriendelijk's 75%).
 */
public record PartnerRule(int sharePercent, int minTrained) {

    public static final PartnerRule DEFAULT = new PartnerRule(75, 1);

    public boolean isPartner(long trained, long staff) {
        return staff > 0 && trained >= minTrained && trained * 100 >= (long) sharePercent * staff;
    }
}
