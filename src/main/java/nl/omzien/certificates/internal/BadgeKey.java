package nl.omzien.certificates.internal;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.text.ParseException;
import java.util.Base64;
import java.util.Optional;

/**
 * The key that signs Open Badges credentials (VC-JWT, RS256: the algorithm every Open Badges 3.0 verifier
 * must support). From OMZIEN_BADGE_KEY, an RSA private key as a JWK (JSON) or a PKCS#8 PEM; without it, a
 * development key shipped in the jar, with a warning, as OMZIEN_TOTP_KEY does. Production refuses to start
 * without the variable (ProductionSettings): anyone can read the development key and sign with it.
 */
@Component
public class BadgeKey {

    private static final Logger log = LoggerFactory.getLogger(BadgeKey.class);
    static final String DEV_KEY_RESOURCE = "badges/dev-only-badge-key.pem";
    /** The media type of a VC-JWT (VC-JOSE-COSE); also the JOSE "typ". */
    public static final String MEDIA_TYPE = "application/vc+jwt";

    private final RSAKey key;
    private final RSASSASigner signer;
    private final RSASSAVerifier verifier;

    BadgeKey(@Value("${omzien.badges.signing-key:}") String configured) {
        String text = configured;
        if (text == null || text.isBlank()) {
            log.warn("Open Badges are signed with the development key; set OMZIEN_BADGE_KEY in production");
            text = devKey();
        }
        this.key = parse(text.strip());
        try {
            this.signer = new RSASSASigner(key);
            this.verifier = new RSASSAVerifier(key.toRSAPublicKey());
        } catch (JOSEException e) {
            throw new IllegalStateException("OMZIEN_BADGE_KEY cannot sign: " + e.getMessage(), e);
        }
    }

    private static String devKey() {
        try {
            return new ClassPathResource(DEV_KEY_RESOURCE).getContentAsString(StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An RSA private key as a JWK or a PKCS#8 PEM, with a key id (its JWK thumbprint) when it has none. */
    static RSAKey parse(String text) {
        try {
            RSAKey rsa;
            if (text.startsWith("{")) {
                JWK jwk = JWK.parse(text);
                if (!(jwk instanceof RSAKey parsed) || !parsed.isPrivate()) {
                    throw new IllegalStateException("OMZIEN_BADGE_KEY must be an RSA private key (JWK with \"d\")");
                }
                rsa = parsed;
            } else {
                String base64 = text.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
                KeyFactory rsaKeys = KeyFactory.getInstance("RSA");
                var privateKey = (RSAPrivateCrtKey) rsaKeys.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
                var publicKey = (RSAPublicKey) rsaKeys.generatePublic(new RSAPublicKeySpec(privateKey.getModulus(), privateKey.getPublicExponent()));
                rsa = new RSAKey.Builder(publicKey).privateKey(privateKey).build();
            }
            if (rsa.size() < 2048) {
                throw new IllegalStateException("OMZIEN_BADGE_KEY is too short: use an RSA key of at least 2048 bits");
            }
            return rsa.getKeyID() != null ? rsa : new RSAKey.Builder(rsa).keyIDFromThumbprint().build();
        } catch (ParseException | GeneralSecurityException | IllegalArgumentException | ClassCastException | JOSEException e) {
            throw new IllegalStateException("OMZIEN_BADGE_KEY is not an RSA private key as JWK or PKCS#8 PEM", e);
        }
    }

    /** The public half, as published for verifiers (never the private parts). */
    public RSAKey publicJwk() {
        return key.toPublicJWK();
    }

    /** Signs a JSON payload as a compact JWS with the public key in the header, as Open Badges 3.0 allows. */
    String sign(String json) {
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.RS256)
                .type(new JOSEObjectType("vc+jwt"))
                .keyID(key.getKeyID())
                .jwk(publicJwk())
                .build();
        JWSObject jws = new JWSObject(header, new Payload(json));
        try {
            jws.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("Signing an Open Badge failed", e);
        }
        return jws.serialize();
    }

    /**
     * The payload of a compact JWS signed by this installation's key; empty when it is not one, was changed
     * after signing, or was signed by any other key (a key in its own header proves nothing).
     */
    Optional<String> verifiedPayload(String compact) {
        try {
            JWSObject jws = JWSObject.parse(compact.strip());
            if (!JWSAlgorithm.RS256.equals(jws.getHeader().getAlgorithm())) {
                return Optional.empty();
            }
            return jws.verify(verifier) ? Optional.of(jws.getPayload().toString()) : Optional.empty();
        } catch (ParseException | JOSEException | IllegalStateException e) {
            return Optional.empty();
        }
    }
}
