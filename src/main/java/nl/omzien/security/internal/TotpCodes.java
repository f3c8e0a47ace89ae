package nl.omzien.security.internal;

import dev.samstevens.totp.code.CodeGenerator;
import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.code.HashingAlgorithm;
import dev.samstevens.totp.exceptions.CodeGenerationException;
import dev.samstevens.totp.qr.QrData;
import dev.samstevens.totp.secret.DefaultSecretGenerator;
import dev.samstevens.totp.secret.SecretGenerator;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.OptionalLong;

/**
 * Time-based one-time codes (RFC 6238: SHA-1, 6 digits, 30 seconds, what every authenticator app
 * understands) on top of dev.samstevens.totp. The matching time step is returned so the caller can
 * refuse a code that was already used: the library's own verifier only says yes or no.
 */
@Component
public class TotpCodes {

    public static final int PERIOD_SECONDS = 30;
    /** One step either side: a phone clock a little off, or a code typed just as it changed. */
    private static final int ALLOWED_DRIFT_STEPS = 1;

    private final SecretGenerator secrets = new DefaultSecretGenerator(32);
    private final CodeGenerator codes = new DefaultCodeGenerator(HashingAlgorithm.SHA1, 6);
    private final Clock clock;

    TotpCodes(Clock clock) {
        this.clock = clock;
    }

    /** A new random secret, base32 (160 bits). */
    public String newSecret() {
        return secrets.generate();
    }

    /** The otpauth:// address an authenticator app reads from the QR code. */
    public static String otpauthUri(String secret, String account) {
        return new QrData.Builder().label(account).secret(secret).issuer("Omzien")
                .algorithm(HashingAlgorithm.SHA1).digits(6).period(PERIOD_SECONDS).build().getUri();
    }

    public long currentStep() {
        return Math.floorDiv(clock.instant().getEpochSecond(), PERIOD_SECONDS);
    }

    /** The code for a time step; tests use it to act like the authenticator app. */
    public String codeFor(String secret, long step) {
        try {
            return codes.generate(secret, step);
        } catch (CodeGenerationException e) {
            throw new IllegalStateException("Cannot compute a TOTP code", e);
        }
    }

    /** The time step whose code this is, if it is one of the steps allowed now. */
    public OptionalLong matchingStep(String secret, String code) {
        String typed = normalise(code);
        if (!typed.matches("\\d{6}")) {
            return OptionalLong.empty();
        }
        long now = currentStep();
        for (long step = now - ALLOWED_DRIFT_STEPS; step <= now + ALLOWED_DRIFT_STEPS; step++) {
            if (MessageDigest.isEqual(codeFor(secret, step).getBytes(StandardCharsets.US_ASCII),
                    typed.getBytes(StandardCharsets.US_ASCII))) {
                return OptionalLong.of(step);
            }
        }
        return OptionalLong.empty();
    }

    /** People type "123 456" as their app shows it. */
    static String normalise(String code) {
        return code == null ? "" : code.replaceAll("[\\s-]", "");
    }
}
