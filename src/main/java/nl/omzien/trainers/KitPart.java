package nl.omzien.trainers;

/** The three documents of a trainer kit, per module and audience. */
public enum KitPart {
    /** A 90-minute session plan with timing. */
    PLAN,
    /** The module's scenarios as role-play cards, four per A4. */
    CARDS,
    /** The module's quiz as a group quiz, with the answers on the last page. */
    QUIZ
}
