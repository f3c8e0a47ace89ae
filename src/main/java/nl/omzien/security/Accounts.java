package nl.omzien.security;

import nl.omzien.base.MunicipalityId;
import nl.omzien.base.PersonId;
import java.util.Locale;
import java.util.Optional;

/**
 * The accounts that sign in, as security needs them. The people feature owns the accounts (their table
 * is in its schema) and implements this; security depends on this interface only, so people may keep
 * depending on security without a cycle.
 */
public interface Accounts {

    /** The account with this e-mail address (case-insensitive), with its roles; its password hash may be null. */
    Optional<SignedInUser> byEmail(String email);

    Optional<PersonId> idByEmail(String email);

    Optional<String> email(PersonId accountId);

    /** The interface language the person chose, or null. */
    String locale(PersonId accountId);

    void changeLocale(PersonId accountId, String language);

    /** The municipality with this name (case-insensitive), for an identity provider bound to one. */
    Optional<MunicipalityId> municipalityNamed(String name);
}
