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

    /**
     * How many more of the organisation's staff must be trained to meet the rule, the staff staying as they
     * are (0 when it is met). Someone trained joins the trained and is already among the staff.
     */
    public long moreNeeded(long trained, long staff) {
        long forShare = (sharePercent * staff + 99) / 100;
        return Math.max(0, Math.max(Math.max(forShare, minTrained), 1) - trained);
    }
}
