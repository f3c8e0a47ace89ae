package nl.omzien.security;

/** What a person may do in Omzien. A person can hold several roles. */
public enum Role {
    PARTICIPANT, ORG_CONTACT, TRAINER, COALITION_LEAD, ADMIN;

    /** Spring Security authority name, as used by {@code @RolesAllowed}. */
    public String authority() {
        return "ROLE_" + name();
    }

    /** Staff sign in with a password (and can add an authenticator app); participants use e-mail links. */
    public boolean isStaff() {
        return this == TRAINER || this == COALITION_LEAD || this == ADMIN;
    }

    public static final String ADMIN_ROLE = "ADMIN";
    public static final String LEAD_ROLE = "COALITION_LEAD";
    public static final String TRAINER_ROLE = "TRAINER";
    public static final String ORG_CONTACT_ROLE = "ORG_CONTACT";
    public static final String PARTICIPANT_ROLE = "PARTICIPANT";
}
