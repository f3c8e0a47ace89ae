package nl.omzien.dashboard;

/**
 * A coalition's partner settings besides the rule (decision 027).
 *
 * @param validityMonths how long a recognition holds before the lead renews it (24 by default)
 * @param publicList     whether the public list of the municipality's partners is shown
 */
public record PartnerSettings(int validityMonths, boolean publicList) {

    public static final PartnerSettings DEFAULT = new PartnerSettings(24, true);
}
