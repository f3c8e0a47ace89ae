package nl.omzien.security.internal;

import nl.omzien.base.PersonId;
import nl.omzien.security.Accounts;
import nl.omzien.security.SecurityDemo;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;

import static nl.omzien.security.internal.db.Tables.STAFF_TOTP;

/**
 * Admins must use an authenticator app, so the demo admin gets one with a fixed, published secret
 * (README): add it to any authenticator app, or compute a code with {@code oathtool --totp -b SECRET}.
 * Only demo data: a real admin sets up their own secret at first sign-in.
 */
@Component
class SecurityDemoData implements SecurityDemo {

    static final String DEMO_ADMIN = "admin@omzien.example";
    static final String DEMO_ADMIN_TOTP_SECRET = "OMZIENDEMOBEHEERDERTOTPGEHEIM234";
    private static final Logger log = LoggerFactory.getLogger(SecurityDemoData.class);

    private final DSLContext db;
    private final Accounts accounts;
    private final TotpSecretCipher cipher;
    private final Clock clock;

    SecurityDemoData(DSLContext db, Accounts accounts, TotpSecretCipher cipher, Clock clock) {
        this.db = db;
        this.accounts = accounts;
        this.cipher = cipher;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void authenticatorForTheDemoAdmin() {
        PersonId adminId = accounts.idByEmail(DEMO_ADMIN).orElse(null);
        if (adminId == null || db.fetchExists(STAFF_TOTP, STAFF_TOTP.USER_ID.eq(adminId))) {
            return;
        }
        db.insertInto(STAFF_TOTP)
                .set(STAFF_TOTP.USER_ID, adminId)
                .set(STAFF_TOTP.SECRET_ENCRYPTED, cipher.encrypt(DEMO_ADMIN_TOTP_SECRET))
                .set(STAFF_TOTP.ENABLED_AT, OffsetDateTime.now(clock))
                .execute();
        log.info("Demo admin {} signs in with a code from an authenticator app; demo secret {} (README, 'Sign-in codes')",
                DEMO_ADMIN, DEMO_ADMIN_TOTP_SECRET);
    }
}
