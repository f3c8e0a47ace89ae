package nl.omzien.security;

import nl.omzien.security.internal.QrSvg;
import nl.omzien.security.internal.SecondFactors;
import nl.omzien.security.internal.TotpCodes;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * A staff member's own authenticator app (TOTP): set it up, see whether it is on, switch it off.
 * Admins must have one and cannot switch it off. The secret is shown only while setting up; after
 * that it is stored encrypted and never shown again.
 */
@Service
@PreAuthorize("isAuthenticated()")
public class StaffSecondFactorService {

    private static final String STAFF = "hasAnyRole('TRAINER', 'COALITION_LEAD', 'ADMIN')";

    /** What the settings page shows. */
    public record Status(boolean staff, boolean enabled, OffsetDateTime enabledAt, int unusedRecoveryCodes,
                         boolean required) {
    }

    /** A new secret to put in the app: as QR code and as text for typing it in by hand. */
    public record Enrolment(String secret, String qrDataUri) {

        /** The secret in groups of four, as apps show it and people type it. */
        public String readableSecret() {
            return secret.replaceAll("(.{4})(?!$)", "$1 ");
        }
    }

    private final SecondFactors secondFactors;
    private final TotpCodes totp;
    private final CurrentUser currentUser;

    StaffSecondFactorService(SecondFactors secondFactors, TotpCodes totp, CurrentUser currentUser) {
        this.secondFactors = secondFactors;
        this.totp = totp;
        this.currentUser = currentUser;
    }

    public Status status() {
        SignedInUser user = currentUser.require();
        boolean staff = user.roles().stream().anyMatch(Role::isStaff);
        Optional<OffsetDateTime> enabledAt = secondFactors.enabledAt(user.accountId());
        return new Status(staff, enabledAt.isPresent(), enabledAt.orElse(null),
                enabledAt.isPresent() ? secondFactors.unusedRecoveryCodes(user.accountId()) : 0, user.isAdmin());
    }

    @PreAuthorize(STAFF)
    public Enrolment startEnrolment() {
        SignedInUser user = currentUser.require();
        String secret = totp.newSecret();
        return new Enrolment(secret, QrSvg.dataUri(TotpCodes.otpauthUri(secret, user.email())));
    }

    /**
     * Switches the app on when the code matches the new secret.
     *
     * @return the recovery codes to show once; empty when the code is not right
     */
    @PreAuthorize(STAFF)
    public Optional<List<String>> confirmEnrolment(Enrolment enrolment, String code) {
        return secondFactors.enable(currentUser.require().accountId(), enrolment.secret(), code);
    }

    /** Switches the app off after a current code; refused for admins, who must keep it. */
    @PreAuthorize(STAFF)
    public boolean disable(String code) {
        SignedInUser user = currentUser.require();
        if (user.isAdmin()) {
            throw new AccessDeniedException("Admins must keep their second factor");
        }
        return secondFactors.disable(user.accountId(), code);
    }
}
