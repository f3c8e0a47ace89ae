package nl.omzien.certificates;

import jakarta.annotation.security.PermitAll;
import nl.omzien.base.PersonId;
import nl.omzien.certificates.internal.JooqCertificateRepository;
import nl.omzien.certificates.internal.OpenBadges;
import nl.omzien.certificates.internal.VerifyThrottle;
import nl.omzien.certificates.internal.db.tables.records.CertificateRecord;
import nl.omzien.people.PersonProfile;
import nl.omzien.people.PersonProfiles;
import nl.omzien.security.CurrentUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Certificates as Open Badges 3.0 credentials: the holder downloads theirs, and anyone checks an uploaded one
 * on the verify page. See docs/decisions/030-open-badges.md.
 */
@Service
public class OpenBadgeService {

    /** What the verify page says about an uploaded credential file. */
    public enum BadgeCheck { VALID, EXPIRED, SUPERSEDED, REVOKED, FORGED, NOT_A_CREDENTIAL, TOO_MANY_REQUESTS }

    /** An uploaded credential's outcome and, when it is genuine, the certificate's code. */
    public record BadgeCheckResult(BadgeCheck outcome, String code) {
    }

    /** A credential file larger than this is not one of ours (ours are a few kilobytes). */
    public static final int MAX_CREDENTIAL_BYTES = 64 * 1024;

    private final JooqCertificateRepository certificates;
    private final OpenBadges badges;
    private final PersonProfiles profiles;
    private final CurrentUser currentUser;
    private final VerifyThrottle throttle;
    private final Clock clock;

    OpenBadgeService(JooqCertificateRepository certificates, OpenBadges badges, PersonProfiles profiles, CurrentUser currentUser,
                     VerifyThrottle throttle, Clock clock) {
        this.certificates = certificates;
        this.badges = badges;
        this.profiles = profiles;
        this.currentUser = currentUser;
        this.throttle = throttle;
        this.clock = clock;
    }

    /**
     * One of the signed-in person's own current (valid or expired) certificates as a signed Open Badges 3.0
     * credential (VC-JWT). Someone else's id, or a revoked or replaced certificate, looks like a missing one.
     */
    @Transactional(readOnly = true)
    @PermitAll
    public CertificateDownload credential(CertificateId certificateId) {
        PersonId me = currentUser.require().accountId();
        CertificateRecord record = certificates.find(certificateId)
                .filter(r -> Objects.equals(r.getUserId(), me))
                .filter(r -> current(JooqCertificateRepository.toCertificate(r, OffsetDateTime.now(clock)).status()))
                .orElseThrow(() -> new NoSuchElementException("No such certificate"));
        String email = profiles.of(me).map(PersonProfile::email).orElse(null);
        byte[] jwt = badges.signedCredential(record, email).getBytes(StandardCharsets.US_ASCII);
        return new CertificateDownload("open-badge-" + record.getCode() + ".jwt", jwt);
    }

    private static boolean current(CertificateStatus status) {
        return status == CertificateStatus.VALID || status == CertificateStatus.EXPIRED;
    }

    /**
     * Checks an uploaded credential file: forged when the signature is not this installation's or the content
     * was changed; otherwise the certificate's status today (revoked, expired, replaced or valid). A genuine
     * credential counts as a found lookup, anything else towards the caller's limit, as a mistyped code does.
     */
    public BadgeCheckResult check(byte[] file, String clientAddress) {
        OptionalLong lookup = throttle.tryAcquire(clientAddress);
        if (lookup.isEmpty()) {
            return new BadgeCheckResult(BadgeCheck.TOO_MANY_REQUESTS, null);
        }
        if (file == null || file.length > MAX_CREDENTIAL_BYTES) {
            return new BadgeCheckResult(BadgeCheck.NOT_A_CREDENTIAL, null);
        }
        String text = new String(file, StandardCharsets.UTF_8).strip();
        if (!text.matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+")) {
            return new BadgeCheckResult(BadgeCheck.NOT_A_CREDENTIAL, null);
        }
        Optional<CertificateRecord> found = badges.verified(text)
                .map(payload -> payload.get("id"))
                .flatMap(id -> badges.codeOf(String.valueOf(id)))
                .flatMap(certificates::byCode);
        if (found.isEmpty()) {
            return new BadgeCheckResult(BadgeCheck.FORGED, null);
        }
        throttle.found(lookup.getAsLong());
        CertificateStatus status = JooqCertificateRepository.toCertificate(found.get(), OffsetDateTime.now(clock)).status();
        return new BadgeCheckResult(BadgeCheck.valueOf(status.name()), found.get().getCode());
    }

    /** LinkedIn's "add certification" link for a certificate (the holder decides whether to use it). */
    public String linkedInUrl(Certificate certificate) {
        return LinkedInLink.of(certificate, badges.credentialId(certificate.code()), clock.getZone());
    }
}
