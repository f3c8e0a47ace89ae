package nl.omzien.certificates.internal;

import nl.omzien.base.MunicipalityId;
import nl.omzien.base.Translations;
import nl.omzien.certificates.LearningPath;
import nl.omzien.certificates.LearningPaths;
import nl.omzien.certificates.internal.db.tables.records.CertificateRecord;
import nl.omzien.training.ModuleCatalog;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;

import nl.omzien.base.SecretTokens;

/**
 * Certificates as Open Badges 3.0 AchievementCredentials (W3C Verifiable Credentials 2.0, JSON-LD), signed as
 * VC-JWT, and the public documents a verifier fetches: the issuer profile of a municipality's coalition, the
 * achievement of a learning path, and the coalition's revocation list (W3C Bitstring Status List). See
 * docs/decisions/030-open-badges.md.
 */
@Component
public class OpenBadges {

    static final String VC_CONTEXT = "https://www.w3.org/ns/credentials/v2";
    static final String OB_CONTEXT = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json";
    static final String OB_SCHEMA = "https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json";
    /** The Bitstring Status List's minimum length (16 KB), so one list does not tell much about few holders. */
    static final int MIN_LIST_BITS = 131_072;
    /** The issuer key of certificates without a municipality (none in practice): the installation itself. */
    static final String INSTALLATION = "omzien";
    private static final Locale DUTCH = Translations.DUTCH;

    private final JooqCertificateRepository certificates;
    private final LearningPaths paths;
    private final ModuleCatalog modules;
    private final Translations translations;
    private final BadgeKey key;
    private final Clock clock;
    private final String baseUrl;
    private final JsonMapper json = JsonMapper.builder().build();
    private final SecureRandom random = new SecureRandom();

    OpenBadges(JooqCertificateRepository certificates, LearningPaths paths, ModuleCatalog modules, Translations translations,
               BadgeKey key, Clock clock, @Value("${omzien.base-url}") String baseUrl) {
        this.certificates = certificates;
        this.paths = paths;
        this.modules = modules;
        this.translations = translations;
        this.key = key;
        this.clock = clock;
        this.baseUrl = baseUrl.replaceAll("/+$", "");
    }

    private static String issuerKey(MunicipalityId municipalityId) {
        return municipalityId == null ? INSTALLATION : municipalityId.toString();
    }

    String issuerId(String issuerKey) {
        return baseUrl + "/badges/issuers/" + issuerKey;
    }

    String achievementId(String pathId) {
        return baseUrl + "/badges/achievements/" + pathId;
    }

    String statusListId(String issuerKey) {
        return baseUrl + "/badges/status/" + issuerKey;
    }

    /** The credential's id: the certificate's own verify page, so a person who opens it sees its status. */
    public String credentialId(String code) {
        return baseUrl + "/verify/" + code;
    }

    /** The code in a credential id made by {@link #credentialId}; empty for anything else. */
    public Optional<String> codeOf(String credentialId) {
        String prefix = baseUrl + "/verify/";
        return credentialId != null && credentialId.startsWith(prefix) ? Optional.of(credentialId.substring(prefix.length())) : Optional.empty();
    }

    /**
     * The signed credential (compact VC-JWT) for a certificate. The holder is named as on the certificate and,
     * when there is an address, by a salted SHA-256 of it (Open Badges' IdentityObject), so a verifier who
     * knows the address can match it and nobody can read it.
     */
    public String signedCredential(CertificateRecord certificate, String holderEmail) {
        Map<String, Object> credential = credential(certificate, holderEmail);
        // VC-JWT as Open Badges 3.0 §8.2 asks: the credential is the payload, with the registered claims beside it.
        Map<String, Object> payload = new LinkedHashMap<>(credential);
        payload.put("iss", issuerId(issuerKey(certificate.getMunicipalityId())));
        payload.put("jti", credential.get("id"));
        payload.put("nbf", certificate.getIssuedAt().toEpochSecond());
        if (certificate.getExpiresAt() != null) {
            payload.put("exp", certificate.getExpiresAt().toEpochSecond());
        }
        return key.sign(write(payload));
    }

    Map<String, Object> credential(CertificateRecord c, String holderEmail) {
        String issuerKey = issuerKey(c.getMunicipalityId());
        Map<String, Object> credential = new LinkedHashMap<>();
        credential.put("@context", List.of(VC_CONTEXT, OB_CONTEXT));
        credential.put("id", credentialId(c.getCode()));
        credential.put("type", List.of("VerifiableCredential", "OpenBadgeCredential"));
        credential.put("name", c.getPathTitleNl());
        credential.put("issuer", issuer(issuerKey, c.getMunicipalityName()));
        credential.put("validFrom", iso(c.getIssuedAt()));
        if (c.getExpiresAt() != null) {
            credential.put("validUntil", iso(c.getExpiresAt()));
        }
        credential.put("awardedDate", iso(c.getIssuedAt()));
        List<Map<String, Object>> identifiers = new ArrayList<>();
        if (c.getHolderName() != null) {
            identifiers.add(identity("name", false, c.getHolderName(), null));
        }
        if (holderEmail != null) {
            String salt = HexFormat.of().formatHex(randomBytes());
            identifiers.add(identity("emailAddress", true,
                    "sha256$" + SecretTokens.sha256Hex((holderEmail.strip().toLowerCase(Locale.ROOT) + salt).getBytes(StandardCharsets.UTF_8)), salt));
        }
        Map<String, Object> subject = new LinkedHashMap<>();
        subject.put("type", List.of("AchievementSubject"));
        if (!identifiers.isEmpty()) {
            subject.put("identifier", identifiers);
        }
        subject.put("activityEndDate", iso(c.getCompletedOn().atStartOfDay(clock.getZone()).toOffsetDateTime()));
        subject.put("achievement", achievement(c.getPathId(), c.getPathTitleNl()));
        credential.put("credentialSubject", subject);
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("id", statusListId(issuerKey) + "#" + c.getId().value());
        status.put("type", "BitstringStatusListEntry");
        status.put("statusPurpose", "revocation");
        status.put("statusListIndex", Long.toString(c.getId().value()));
        status.put("statusListCredential", statusListId(issuerKey));
        credential.put("credentialStatus", status);
        credential.put("credentialSchema", List.of(Map.of("id", OB_SCHEMA, "type", "1EdTechJsonSchemaValidator2019")));
        return credential;
    }

    private byte[] randomBytes() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return bytes;
    }

    private static Map<String, Object> identity(String type, boolean hashed, String value, String salt) {
        Map<String, Object> identity = new LinkedHashMap<>();
        identity.put("type", "IdentityObject");
        identity.put("identityType", type);
        identity.put("hashed", hashed);
        identity.put("identityHash", value);
        if (salt != null) {
            identity.put("salt", salt);
        }
        return identity;
    }

    private static String iso(OffsetDateTime time) {
        return DateTimeFormatter.ISO_INSTANT.format(time.toInstant());
    }

    /** The issuer profile of a municipality's coalition; empty for an unknown municipality. */
    public Optional<Map<String, Object>> issuerProfile(String issuerKey) {
        if (INSTALLATION.equals(issuerKey)) {
            return Optional.of(issuer(issuerKey, null));
        }
        try {
            return certificates.municipalityName(MunicipalityId.of(Long.parseLong(issuerKey))).map(name -> {
                Map<String, Object> profile = new LinkedHashMap<>();
                profile.put("@context", List.of(VC_CONTEXT, OB_CONTEXT));
                profile.putAll(issuer(issuerKey, name));
                return profile;
            });
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private Map<String, Object> issuer(String issuerKey, String municipalityName) {
        Map<String, Object> profile = new LinkedHashMap<>();
        profile.put("id", issuerId(issuerKey));
        profile.put("type", List.of("Profile"));
        profile.put("name", municipalityName == null ? translations.getTranslation("app.name", DUTCH)
                : translations.getTranslation("badges.issuer.name", DUTCH, municipalityName));
        profile.put("url", baseUrl);
        profile.put("description", translations.getTranslation("badges.issuer.description", DUTCH));
        return profile;
    }

    /** The achievement of a learning path, with its criteria in plain words; empty for an unknown path. */
    public Optional<Map<String, Object>> achievementDefinition(String pathId) {
        return paths.find(pathId).map(path -> {
            Map<String, Object> achievement = new LinkedHashMap<>();
            achievement.put("@context", List.of(VC_CONTEXT, OB_CONTEXT));
            achievement.putAll(achievement(pathId, path.title().nl()));
            return achievement;
        });
    }

    private Map<String, Object> achievement(String pathId, String title) {
        Map<String, Object> achievement = new LinkedHashMap<>();
        achievement.put("id", achievementId(pathId));
        achievement.put("type", List.of("Achievement"));
        achievement.put("achievementType", "Certificate");
        achievement.put("name", title);
        achievement.put("description", translations.getTranslation("badges.achievement.description", DUTCH, title));
        achievement.put("criteria", Map.of("id", achievementId(pathId), "narrative",
                paths.find(pathId).map(this::criteria).orElse(translations.getTranslation("badges.criteria.retired", DUTCH))));
        achievement.put("inLanguage", "nl");
        return achievement;
    }

    /** "Rond deze online modules af: … Doe mee aan 1 groepstraining. Het certificaat is 3 jaar geldig." */
    String criteria(LearningPath path) {
        List<String> sentences = new ArrayList<>();
        List<String> titles = path.modules().stream()
                .map(m -> modules.current(m.moduleId()).map(module -> module.title().nl()).orElse(m.moduleId())).toList();
        if (!titles.isEmpty()) {
            sentences.add(translations.getTranslation("badges.criteria.modules", DUTCH, String.join(", ", titles)));
        }
        if (path.attendanceRequired()) {
            sentences.add(translations.getTranslation("badges.criteria.sessions", DUTCH, path.sessions().size()));
        }
        path.validity().ifPresentOrElse(
                validity -> sentences.add(validity.toTotalMonths() % 12 == 0
                        ? translations.getTranslation("badges.criteria.validity-years", DUTCH, validity.toTotalMonths() / 12)
                        : translations.getTranslation("badges.criteria.validity-months", DUTCH, validity.toTotalMonths())),
                () -> sentences.add(translations.getTranslation("badges.criteria.no-expiry", DUTCH)));
        return String.join(" ", sentences);
    }

    /**
     * The coalition's revocation list as a signed BitstringStatusListCredential: bit i (counted from the first
     * byte's most significant bit) is set when certificate i of this issuer is revoked. Index = certificate id,
     * so an entry never moves; the list grows in 16 KB steps.
     */
    public Optional<String> signedStatusList(String issuerKey) {
        MunicipalityId municipality;
        try {
            municipality = INSTALLATION.equals(issuerKey) ? null : MunicipalityId.of(Long.parseLong(issuerKey));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (municipality != null && certificates.municipalityName(municipality).isEmpty()) {
            return Optional.empty();
        }
        long highest = certificates.highestId();
        long bits = Math.max(MIN_LIST_BITS, ((highest / MIN_LIST_BITS) + 1) * MIN_LIST_BITS);
        byte[] list = new byte[(int) (bits / 8)];
        for (long index : certificates.revokedIds(municipality)) {
            list[(int) (index / 8)] |= (byte) (0x80 >>> (index % 8));
        }
        Map<String, Object> subject = new LinkedHashMap<>();
        subject.put("id", statusListId(issuerKey) + "#list");
        subject.put("type", "BitstringStatusList");
        subject.put("statusPurpose", "revocation");
        subject.put("encodedList", "u" + Base64.getUrlEncoder().withoutPadding().encodeToString(gzip(list)));
        Instant now = clock.instant();
        Map<String, Object> credential = new LinkedHashMap<>();
        credential.put("@context", List.of(VC_CONTEXT));
        credential.put("id", statusListId(issuerKey));
        credential.put("type", List.of("VerifiableCredential", "BitstringStatusListCredential"));
        credential.put("issuer", issuerId(issuerKey));
        credential.put("validFrom", DateTimeFormatter.ISO_INSTANT.format(now));
        credential.put("credentialSubject", subject);
        credential.put("iss", issuerId(issuerKey));
        credential.put("jti", statusListId(issuerKey));
        credential.put("nbf", now.getEpochSecond());
        return Optional.of(key.sign(write(credential)));
    }

    private static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The public key set verifiers fetch (the key is also in every credential's header). */
    public String publicKeys() {
        return "{\"keys\":[" + key.publicJwk().toJSONString() + "]}";
    }

    /** The JSON payload of a credential signed by this installation; empty for anything else. */
    public Optional<Map<String, Object>> verified(String compact) {
        return key.verifiedPayload(compact).map(payload -> {
            try {
                @SuppressWarnings("unchecked")
                Map<String, Object> map = json.readValue(payload, Map.class);
                return map;
            } catch (RuntimeException e) {
                return null;
            }
        });
    }

    public String write(Object value) {
        return json.writeValueAsString(value);
    }
}
