package nl.omzien.api;

import jakarta.annotation.security.RolesAllowed;
import nl.omzien.api.internal.JooqApiKeyRepository;
import nl.omzien.base.InvalidInputException;
import nl.omzien.base.MunicipalityId;
import nl.omzien.base.SecretTokens;
import nl.omzien.people.Municipality;
import nl.omzien.people.MunicipalityService;
import nl.omzien.people.PersonDirectory;
import nl.omzien.people.PersonFacts;
import nl.omzien.security.CurrentUser;
import nl.omzien.security.Role;
import nl.omzien.security.SignedInUser;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * API keys of the figures API: a coalition lead creates and revokes them for their own municipality, an admin for
 * any. The secret is shown once and only its SHA-256 hash is kept (as for the app's other tokens); creation and
 * revocation go to the key's log with who did it.
 */
@Service
public class ApiKeyService {

    /** Keys start with this, so a leaked one is recognisable in a log or a repository scan. */
    public static final String KEY_PREFIX = "omz_";
    private static final int SHOWN_CHARACTERS = KEY_PREFIX.length() + 6;

    private final JooqApiKeyRepository keys;
    private final MunicipalityService municipalities;
    private final PersonDirectory people;
    private final CurrentUser currentUser;
    private final Clock clock;

    ApiKeyService(JooqApiKeyRepository keys, MunicipalityService municipalities, PersonDirectory people,
                  CurrentUser currentUser, Clock clock) {
        this.keys = keys;
        this.municipalities = municipalities;
        this.people = people;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /** Municipalities whose keys the person manages: a lead their own, an admin all. */
    @Transactional(readOnly = true)
    @RolesAllowed({Role.ADMIN_ROLE, Role.LEAD_ROLE})
    public List<Municipality> municipalities() {
        return municipalities.visible();
    }

    /** The municipality's keys, newest first, revoked ones included (they stay in the log). */
    @Transactional(readOnly = true)
    @RolesAllowed({Role.ADMIN_ROLE, Role.LEAD_ROLE})
    public List<ApiKey> keys(MunicipalityId municipalityId) {
        check(municipalityId);
        return keys.inMunicipality(municipalityId, now().minusDays(30)).stream().map(this::withCreator).toList();
    }

    @Transactional
    @RolesAllowed({Role.ADMIN_ROLE, Role.LEAD_ROLE})
    public CreatedApiKey create(MunicipalityId municipalityId, String label) {
        check(municipalityId);
        new InvalidInputException.Checks().require("label", label).length("label", label, 2, 100)
                .singleLine("label", label).throwIfAny();
        String secret = KEY_PREFIX + SecretTokens.newToken();
        long id = keys.insert(municipalityId, label.trim(), SecretTokens.hash(secret), secret.substring(0, SHOWN_CHARACTERS),
                currentUser.require().accountId(), now());
        return new CreatedApiKey(withCreator(keys.find(id, now()).orElseThrow()), secret);
    }

    /** Revokes a key at once: its next call is refused. Revoking twice is harmless. */
    @Transactional
    @RolesAllowed({Role.ADMIN_ROLE, Role.LEAD_ROLE})
    public void revoke(long keyId) {
        JooqApiKeyRepository.Row key = keys.find(keyId, now()).orElseThrow(() -> new AccessDeniedException("No such key"));
        check(key.municipalityId());
        keys.revoke(keyId, currentUser.require().accountId(), now());
    }

    private ApiKey withCreator(JooqApiKeyRepository.Row row) {
        String creator = row.createdBy() == null ? "" : people.find(row.createdBy()).map(PersonFacts::fullName).orElse("");
        return new ApiKey(row.id(), row.municipalityId(), row.label(), row.prefix(), row.createdAt(), creator,
                row.revokedAt(), row.lastUsedAt(), row.callsSince());
    }

    private void check(MunicipalityId municipalityId) {
        SignedInUser user = currentUser.require();
        if (municipalityId == null || !user.isAdmin() && !municipalityId.equals(user.municipalityId())) {
            // The same words for a key that does not exist: an outsider must not learn which ids do.
            throw new AccessDeniedException("No such key");
        }
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }
}
