package nl.omzien.security.internal;

import nl.omzien.base.PersonId;
import org.springframework.security.core.AuthenticationException;

/** The password was right, but the account needs a second step before it gets any role. */
class SecondFactorRequiredException extends AuthenticationException {

    private final transient PersonId accountId;
    private final transient String email;
    private final transient SecondFactors.Requirement requirement;

    SecondFactorRequiredException(PersonId accountId, String email, SecondFactors.Requirement requirement) {
        super("A second factor is required");
        this.accountId = accountId;
        this.email = email;
        this.requirement = requirement;
    }

    PersonId accountId() {
        return accountId;
    }

    String email() {
        return email;
    }

    SecondFactors.Requirement requirement() {
        return requirement;
    }
}
