package nl.omzien.api;

import nl.omzien.base.MunicipalityId;

import java.time.OffsetDateTime;

/**
 * An API key as its municipality's lead sees it: never the secret, only its first characters.
 *
 * @param prefix the key's first characters, to tell keys apart
 */
public record ApiKey(long id, MunicipalityId municipalityId, String label, String prefix, OffsetDateTime createdAt,
                     String createdBy, OffsetDateTime revokedAt, OffsetDateTime lastUsedAt, long callsLast30Days) {

    public boolean revoked() {
        return revokedAt != null;
    }
}
