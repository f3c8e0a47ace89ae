package nl.omzien.security.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.crypto.encrypt.Encryptors;
import org.springframework.security.crypto.encrypt.TextEncryptor;
import org.springframework.stereotype.Component;

/**
 * Encrypts authenticator secrets at rest (Spring Security's AES-GCM "delux" encryptor, key derived
 * from OMZIEN_TOTP_KEY): a copy of the database alone does not let anyone compute staff codes.
 */
@Component
class TotpSecretCipher {

    static final String DEV_KEY = "omzien-dev-only-totp-key-change-me";
    private static final Logger log = LoggerFactory.getLogger(TotpSecretCipher.class);
    // Not secret: it only makes the derived key specific to Omzien. The key itself is the secret.
    private static final String SALT = "6f6d7a69656e2d746f7470";

    private final TextEncryptor encryptor;

    TotpSecretCipher(@Value("${omzien.totp.encryption-key:" + DEV_KEY + "}") String key) {
        if (DEV_KEY.equals(key)) {
            log.warn("Authenticator secrets are encrypted with the development key; set OMZIEN_TOTP_KEY in production");
        }
        this.encryptor = Encryptors.delux(key, SALT);
    }

    String encrypt(String secret) {
        return encryptor.encrypt(secret);
    }

    String decrypt(String encrypted) {
        return encryptor.decrypt(encrypted);
    }
}
