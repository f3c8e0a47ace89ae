package nl.omzien.security;

import nl.omzien.base.PersonId;

import java.util.List;

/**
 * A staff member signed in through their organisation's identity provider. The second factor is then the
 * provider's business; what it says it did ({@code amr}: methods such as "pwd", "mfa"; {@code acr}: the level)
 * goes into the audit log.
 *
 * @param provider the provider's id in Omzien (OMZIEN_OIDC_&lt;ID&gt;_...)
 * @param amr      the provider's amr claim, empty when it sent none
 * @param acr      the provider's acr claim, null when it sent none
 */
public record SignedInThroughProvider(PersonId personId, String provider, List<String> amr, String acr) {

    public SignedInThroughProvider {
        amr = amr == null ? List.of() : List.copyOf(amr);
    }
}
