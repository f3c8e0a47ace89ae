package nl.omzien.certificates.ui;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import nl.omzien.certificates.Certificate;
import nl.omzien.certificates.CertificateService;
import nl.omzien.certificates.OpenBadgeService;
import nl.omzien.certificates.internal.VerifyThrottle;
import nl.omzien.test.KaribuTest;
import nl.omzien.training.ModuleCatalog;
import nl.omzien.training.TrainingService;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwa.AlgorithmConstraints.ConstraintType;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.Key;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.zip.GZIPInputStream;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Certificates as Open Badges 3.0 (issue 22): the credential against 1EdTech's published JSON schema, its
 * signature checked by jose4j (another JOSE implementation than the Nimbus library that signs), revocation
 * in the public status list, the verify page's upload, and the LinkedIn link on Mijn certificaten.
 */
class OpenBadgeTest extends KaribuTest {

    private static final String ADDRESS = "198.51.100.22";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    TrainingService training;
    @Autowired
    ModuleCatalog catalog;
    @Autowired
    CertificateService certificates;
    @Autowired
    OpenBadgeService badges;
    @Autowired
    VerifyThrottle throttle;
    @LocalServerPort
    int port;
    @Value("${omzien.base-url}")
    String baseUrl;

    @BeforeEach
    void freshLimit() {
        throttle.forget(ADDRESS);
    }

    private Certificate earn(String email) {
        signInAs(email);
        Certificate certificate = Signaleerder.earn(training, catalog, certificates);
        SecurityContextHolder.clearContext();
        return certificate;
    }

    private String credentialOf(String email, Certificate certificate) {
        signInAs(email);
        try {
            return new String(badges.credential(certificate.id()).pdf(), StandardCharsets.US_ASCII);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Map<String, Object> parent, String key) {
        return (Map<String, Object>) parent.get(key);
    }

    private static Map<String, Object> payload(String jwt) {
        return JSON.readValue(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), LinkedHashMap.class);
    }

    /** An address the credential names (the configured base URL) fetched from this test's server. */
    private HttpResponse<String> get(String url) throws IOException, InterruptedException {
        String local = url.startsWith(baseUrl) ? "http://localhost:" + port + url.substring(baseUrl.length()) : url;
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(HttpRequest.newBuilder(URI.create(local)).build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    /** jose4j, fed only the key set the public endpoint serves: an implementation Omzien does not use. */
    private JwtClaims verifiedByJose4j(String jwt, String expectedIssuer) throws Exception {
        Key key = new JsonWebKeySet(get(baseUrl + "/badges/keys").body()).getJsonWebKeys().getFirst().getKey();
        JwtConsumer consumer = new JwtConsumerBuilder()
                .setVerificationKey(key)
                .setJwsAlgorithmConstraints(new AlgorithmConstraints(ConstraintType.PERMIT, AlgorithmIdentifiers.RSA_USING_SHA256))
                .setExpectedIssuer(expectedIssuer)
                .setRequireNotBefore()
                .setRequireJwtId()
                .setEvaluationTime(org.jose4j.jwt.NumericDate.fromMilliseconds(clock.millis()))
                .build();
        return consumer.processToClaims(jwt);
    }

    @Test
    void theCredentialIsAnOpenBadgesAchievementCredentialByTheOfficialSchema() throws IOException {
        Certificate certificate = earn("hendrik.lubbers@demo.example");
        Map<String, Object> credential = payload(credentialOf("hendrik.lubbers@demo.example", certificate));
        String json = JSON.writeValueAsString(credential);

        Schema schema;
        try (InputStream in = getClass().getResourceAsStream("/openbadges/ob_v3p0_achievementcredential_schema.json")) {
            schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2019_09).getSchema(in);
        }
        assertThat(schema.validate(json, InputFormat.JSON)).as("errors against the 1EdTech schema").isEmpty();
        // The schema is really applied: the same credential without its start date or with the old context fails.
        Map<String, Object> broken = new LinkedHashMap<>(credential);
        broken.remove("validFrom");
        broken.put("@context", List.of("https://www.w3.org/2018/credentials/v1"));
        assertThat(schema.validate(JSON.writeValueAsString(broken), InputFormat.JSON)).hasSizeGreaterThanOrEqualTo(2);

        assertThat(credential.get("id")).isEqualTo(baseUrl + "/verify/" + certificate.code());
        assertThat(credential.get("type")).isEqualTo(List.of("VerifiableCredential", "OpenBadgeCredential"));
        assertThat(credential).containsKeys("validUntil", "credentialStatus");
        Map<String, Object> subject = object(credential, "credentialSubject");
        assertThat(JSON.writeValueAsString(subject)).contains("Hendrik Lubbers").doesNotContain("hendrik.lubbers@demo.example")
                .contains("\"identityType\":\"emailAddress\"").contains("sha256$");
    }

    @Test
    void anIndependentJoseImplementationVerifiesTheSignatureAndRejectsAChangedCredential() throws Exception {
        Certificate certificate = earn("wim.oosting@demo.example");
        String jwt = credentialOf("wim.oosting@demo.example", certificate);
        String issuer = (String) object(payload(jwt), "issuer").get("id");

        JwtClaims claims = verifiedByJose4j(jwt, issuer);
        assertThat(claims.getJwtId()).isEqualTo(baseUrl + "/verify/" + certificate.code());
        assertThat(claims.getExpirationTime().getValue()).isEqualTo(certificate.expiresAt().toEpochSecond());
        JsonWebSignature header = new JsonWebSignature();
        header.setCompactSerialization(jwt);
        assertThat(header.getAlgorithmHeaderValue()).isEqualTo("RS256");
        assertThat(header.getHeader("typ")).isEqualTo("vc+jwt");

        String tampered = withPayload(jwt, p -> p.replace("Wim Oosting", "Wim Oostingh"));
        assertThatThrownBy(() -> verifiedByJose4j(tampered, issuer)).isInstanceOf(InvalidJwtException.class);
    }

    private static String withPayload(String jwt, java.util.function.UnaryOperator<String> change) {
        String[] parts = jwt.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        String changed = change.apply(payload);
        assertThat(changed).isNotEqualTo(payload);
        return parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(changed.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
    }

    @Test
    void revokingACertificateSetsItsBitInTheSignedStatusList() throws Exception {
        Certificate certificate = earn("marian.rolink@demo.example");
        Map<String, Object> credential = payload(credentialOf("marian.rolink@demo.example", certificate));
        Map<String, Object> entry = object(credential, "credentialStatus");
        assertThat(entry).containsEntry("type", "BitstringStatusListEntry").containsEntry("statusPurpose", "revocation");
        int index = Integer.parseInt((String) entry.get("statusListIndex"));
        String listUrl = (String) entry.get("statusListCredential");
        String issuer = (String) object(credential, "issuer").get("id");

        assertThat(revoked(listUrl, issuer, index)).as("before revocation").isFalse();
        signInAs(ADMIN);
        certificates.revoke(certificate.id(), "Op verzoek van de coalitie");
        SecurityContextHolder.clearContext();
        assertThat(revoked(listUrl, issuer, index)).as("after revocation").isTrue();
        assertThat(revoked(listUrl, issuer, index + 1)).as("the next certificate's bit").isFalse();
    }

    /** Fetches the status list without signing in, checks its signature with jose4j and reads one bit. */
    private boolean revoked(String listUrl, String issuer, int index) throws Exception {
        HttpResponse<String> response = get(listUrl);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/vc+jwt"));
        JwtClaims claims = verifiedByJose4j(response.body(), issuer);
        assertThat(claims.getClaimValue("type")).isEqualTo(List.of("VerifiableCredential", "BitstringStatusListCredential"));
        Map<String, Object> subject = object(claims.getClaimsMap(), "credentialSubject");
        assertThat(subject).containsEntry("type", "BitstringStatusList").containsEntry("statusPurpose", "revocation");
        String encoded = (String) subject.get("encodedList");
        assertThat(encoded).startsWith("u");
        byte[] bits;
        try (var gzip = new GZIPInputStream(new ByteArrayInputStream(Base64.getUrlDecoder().decode(encoded.substring(1))))) {
            bits = gzip.readAllBytes();
        }
        assertThat(bits.length).as("at least 16 KB, as the spec asks").isGreaterThanOrEqualTo(16 * 1024);
        return ((bits[index / 8] >> (7 - index % 8)) & 1) == 1;
    }

    @Test
    void issuerProfileAndAchievementArePublicAndNothingElseUnderBadges() throws Exception {
        Certificate certificate = earn("jose.pereira@demo.example");
        Map<String, Object> credential = payload(credentialOf("jose.pereira@demo.example", certificate));
        String achievementId = (String) object(object(credential, "credentialSubject"), "achievement").get("id");
        String issuerId = (String) object(credential, "issuer").get("id");

        HttpResponse<String> issuer = get(issuerId);
        assertThat(issuer.statusCode()).isEqualTo(200);
        assertThat(issuer.body()).contains("\"Profile\"").contains("Coalitie Eén tegen Eenzaamheid Twenterand");
        HttpResponse<String> achievement = get(achievementId);
        assertThat(achievement.statusCode()).isEqualTo(200);
        assertThat(achievement.body()).contains("\"Achievement\"").contains("Rond deze online modules af: Eenzaamheid herkennen")
                .contains("Het certificaat is 3 jaar geldig.");
        assertThat(get(baseUrl + "/badges/achievements/no-such-path").statusCode()).isEqualTo(404);
        assertThat(get(baseUrl + "/badges/issuers/999999").statusCode()).isEqualTo(404);
        assertThat(get(baseUrl + "/badges/keys").body()).contains("\"kty\":\"RSA\"").doesNotContain("\"d\":");
        try (HttpClient client = HttpClient.newHttpClient()) {
            int other = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/badges/anything-else")).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
            assertThat(other).as("not public").isIn(302, 401, 403);
        }
    }

    @Test
    void theVerifyPageSaysWhetherAnUploadedCredentialIsGenuineRevokedExpiredOrForged() throws Exception {
        Certificate certificate = earn("ilse.ter.horst@demo.example");
        String jwt = credentialOf("ilse.ter.horst@demo.example", certificate);
        open("verify");
        VerifyView view = _get(VerifyView.class);
        Paragraph outcome = _get(Paragraph.class, spec -> spec.withId("verify-badge-result"));

        view.showBadgeCheck(outcome, jwt.getBytes(StandardCharsets.US_ASCII), ADDRESS);
        assertThat(outcome.getText()).isEqualTo("Dit is een echt certificaat van Omzien (code " + certificate.code() + "). Status: Geldig.");

        // Changed after signing: another name, the same signature.
        view.showBadgeCheck(outcome, withPayload(jwt, p -> p.replace("Ilse ter Horst", "Ilse van Dam")).getBytes(StandardCharsets.US_ASCII), ADDRESS);
        assertThat(outcome.getText()).isEqualTo("Dit bestand is niet door Omzien ondertekend, of het is veranderd. Vertrouw het niet.");
        // The same content signed by someone else's key, which it carries in its own header.
        RSAKey other = new RSAKeyGenerator(2048).generate();
        JWSObject forged = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.RS256).type(new JOSEObjectType("vc+jwt")).jwk(other.toPublicJWK()).build(),
                new Payload(new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8)));
        forged.sign(new RSASSASigner(other));
        view.showBadgeCheck(outcome, forged.serialize().getBytes(StandardCharsets.US_ASCII), ADDRESS);
        assertThat(outcome.getText()).isEqualTo("Dit bestand is niet door Omzien ondertekend, of het is veranderd. Vertrouw het niet.");
        view.showBadgeCheck(outcome, "%PDF-1.7 not a credential".getBytes(StandardCharsets.US_ASCII), ADDRESS);
        assertThat(outcome.getText()).startsWith("Dit bestand is geen Open Badge van Omzien.");

        clock.setTo(certificate.expiresAt().plusDays(1).toInstant());
        view.showBadgeCheck(outcome, jwt.getBytes(StandardCharsets.US_ASCII), ADDRESS);
        assertThat(outcome.getText()).endsWith("Status: Verlopen.");
        clock.reset();

        signInAs(ADMIN);
        certificates.revoke(certificate.id(), "Verkeerde persoon");
        SecurityContextHolder.clearContext();
        view.showBadgeCheck(outcome, jwt.getBytes(StandardCharsets.US_ASCII), ADDRESS);
        assertThat(outcome.getText()).endsWith("Status: Ingetrokken.");
    }

    @Test
    void mijnCertificatenOffersTheBadgeAndAnAddToLinkedInLinkAndOnlyTheHolderGetsTheCredential() {
        Certificate certificate = earn("yasmina.haddou@demo.example");
        signInAs("yasmina.haddou@demo.example");
        open("mijn-certificaten");
        assertThat(_get(Anchor.class, spec -> spec.withId("badge-" + certificate.code())).getText()).isEqualTo("Download Open Badge");
        Anchor linkedIn = _get(Anchor.class, spec -> spec.withId("linkedin-" + certificate.code()));
        assertThat(linkedIn.getText()).isEqualTo("Zet op LinkedIn");
        assertThat(linkedIn.getHref()).startsWith("https://www.linkedin.com/profile/add?");
        var query = UriComponentsBuilder.fromUriString(linkedIn.getHref()).build().getQueryParams().toSingleValueMap();
        query.replaceAll((name, value) -> URLDecoder.decode(value, StandardCharsets.UTF_8));
        assertThat(query).containsEntry("startTask", "CERTIFICATION_NAME")
                .containsEntry("name", "Signaleerder eenzaamheid")
                .containsEntry("organizationName", "Omzien Twenterand")
                .containsEntry("certId", certificate.code())
                .containsEntry("certUrl", baseUrl + "/verify/" + certificate.code())
                .containsEntry("issueYear", String.valueOf(certificate.issuedAt().getYear()))
                .containsKeys("issueMonth", "expirationYear", "expirationMonth");
        assertThat(linkedIn.getElement().getAttribute("target")).isEqualTo("_blank");

        signInAs(PARTICIPANT);
        assertThatThrownBy(() -> badges.credential(certificate.id())).isInstanceOf(NoSuchElementException.class);
    }
}
