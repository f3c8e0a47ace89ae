package nl.omzien.training;

/** The first tap of "ik heb iemand doorverwezen": what the trained person did. */
public enum ReferralAction {
    /** Noticed someone (signalled), not (yet) referred. */
    NOTICED,
    /** Referred someone to help. */
    REFERRED
}
