package nl.omzien.dashboard;

import java.time.LocalDate;

/** Where an organisation stands as an Omzien-partner on a given day (decision 027). */
public enum PartnerState {
    /** Meets the rule and the recognition has not expired. */
    PARTNER,
    /** Was recognised, still within the validity, but the trained share is below the rule now. */
    BELOW_RULE,
    /** Was recognised; the validity has passed (the coalition lead renews it while the rule is met). */
    EXPIRED,
    /** Never met the rule. */
    NOT_YET;

    /**
     * @param since      the day it first met the rule, or null
     * @param validUntil the last day the recognition is valid (inclusive)
     */
    public static PartnerState on(LocalDate today, LocalDate since, LocalDate validUntil, boolean ruleMet) {
        if (since == null) {
            return NOT_YET;
        }
        if (today.isAfter(validUntil)) {
            return EXPIRED;
        }
        return ruleMet ? PARTNER : BELOW_RULE;
    }
}
