package nl.omzien.security.internal;

import nl.omzien.base.PersonId;
import dev.samstevens.totp.recovery.RecoveryCodeGenerator;
import nl.omzien.base.SecretTokens;
import nl.omzien.security.Role;
import nl.omzien.security.SignedInUser;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The second factor of staff accounts by account id: what a sign-in still needs, checking a code
 * (from the authenticator app or a recovery code), switching it on and off. Used by the sign-in
 * filter (no one is signed in yet) and by {@link nl.omzien.security.StaffSecondFactorService} (the person
 * changes their own settings).
 */
@Component
public class SecondFactors {

    public enum Requirement {
        /** Password alone is enough (participants, staff without an authenticator app). */
        NONE,
        /** A code from the authenticator app or a recovery code is needed after the password. */
        CODE,
        /** An admin without an authenticator app: must set one up before anything else. */
        ENROL
    }

    public static final int RECOVERY_CODE_COUNT = 10;

    private final JooqSecondFactorRepository factors;
    private final JooqRememberMeTokenRepository rememberMeTokens;
    private final TotpCodes totp;
    private final TotpSecretCipher cipher;
    private final Clock clock;

    SecondFactors(JooqSecondFactorRepository factors, JooqRememberMeTokenRepository rememberMeTokens, TotpCodes totp,
                  TotpSecretCipher cipher, Clock clock) {
        this.factors = factors;
        this.rememberMeTokens = rememberMeTokens;
        this.totp = totp;
        this.cipher = cipher;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Requirement requirementFor(SignedInUser user) {
        if (user.roles().stream().noneMatch(Role::isStaff)) {
            return Requirement.NONE;
        }
        if (factors.find(user.accountId()).isPresent()) {
            return Requirement.CODE;
        }
        return user.isAdmin() ? Requirement.ENROL : Requirement.NONE;
    }

    @Transactional(readOnly = true)
    public Optional<OffsetDateTime> enabledAt(PersonId userId) {
        return factors.find(userId).map(JooqSecondFactorRepository.StoredTotp::enabledAt);
    }

    @Transactional(readOnly = true)
    public int unusedRecoveryCodes(PersonId userId) {
        return factors.unusedRecoveryCodes(userId);
    }

    @Transactional(readOnly = true)
    public String localeOf(PersonId userId) {
        return factors.locale(userId);
    }

    /** A current code from the app (each accepted once) or an unused recovery code. */
    @Transactional
    public boolean verify(PersonId userId, String code) {
        var stored = factors.find(userId);
        if (stored.isEmpty() || code == null) {
            return false;
        }
        OptionalLong step = totp.matchingStep(cipher.decrypt(stored.get().secretEncrypted()), code);
        if (step.isPresent()) {
            return factors.acceptStep(userId, step.getAsLong());
        }
        return factors.useRecoveryCode(userId, recoveryHash(code), OffsetDateTime.now(clock));
    }

    /**
     * Switches the authenticator app on once the person proves it works with a code for the new secret.
     * Remember-me cookies made before are revoked: they were given without the second factor.
     *
     * @return the new recovery codes, to show once; empty when the code does not match
     */
    @Transactional
    public Optional<List<String>> enable(PersonId userId, String secret, String code) {
        OptionalLong step = totp.matchingStep(secret, code);
        if (step.isEmpty()) {
            return Optional.empty();
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        factors.enable(userId, cipher.encrypt(secret), step.getAsLong(), now);
        List<String> codes = Arrays.asList(new RecoveryCodeGenerator().generateCodes(RECOVERY_CODE_COUNT));
        factors.replaceRecoveryCodes(userId, codes.stream().map(SecondFactors::recoveryHash).toList(), now);
        rememberMeTokens.removeAll(userId);
        return Optional.of(codes);
    }

    /** Switches it off after a valid code; admins may not (the caller checks the role). */
    @Transactional
    public boolean disable(PersonId userId, String code) {
        if (!verify(userId, code)) {
            return false;
        }
        factors.disable(userId);
        return true;
    }

    /** Recovery codes are compared without case, spaces or dashes: people copy them by hand. */
    static String recoveryHash(String code) {
        return SecretTokens.hash(code.replaceAll("[\\s-]", "").toLowerCase(Locale.ROOT));
    }
}
