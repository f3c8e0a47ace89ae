package nl.omzien.certificates;

import nl.omzien.base.SecretTokens;
import nl.omzien.certificates.internal.JooqCertificateRepository;
import nl.omzien.certificates.internal.VerificationCodes;
import nl.omzien.certificates.internal.VerifyThrottle;
import nl.omzien.certificates.internal.NameMatcher;
import nl.omzien.certificates.internal.db.tables.records.CertificateRecord;
import nl.omzien.training.content.Text;
import org.springframework.stereotype.Service;

import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The public verify page's service: no sign-in. Shows status, path, dates, municipality and a masked
 * name, nothing else. Failed lookups count towards the caller's per-address limit (see VerifyThrottle).
 */
@Service
public class VerificationService {

    /** What a checker learns from an uploaded PDF. */
    public enum PdfCheck { IDENTICAL, DIFFERENT, UNKNOWN_CODE, TOO_MANY_REQUESTS }

    /** What a checker learns from typing the full name. */
    public enum NameCheck { MATCHES, DOES_NOT_MATCH, UNKNOWN_CODE, TOO_MANY_REQUESTS }

    private final JooqCertificateRepository certificates;
    private final VerifyThrottle throttle;
    private final TrainerStandings trainers;
    private final Clock clock;

    VerificationService(JooqCertificateRepository certificates, VerifyThrottle throttle, TrainerStandings trainers, Clock clock) {
        this.certificates = certificates;
        this.trainers = trainers;
        this.throttle = throttle;
        this.clock = clock;
    }

    /*
     * No transaction around these lookups: the throttle counts in a transaction of its own first, and a
     * lookup holding a connection while waiting for another would let a burst of lookups drain the pool.
     * Each lookup is a single read.
     */

    /** Looks up a code as typed or scanned (case, spaces and dashes do not matter). */
    public VerificationResult verify(String typedCode, String clientAddress) {
        OptionalLong lookup = throttle.tryAcquire(clientAddress);
        if (lookup.isEmpty()) {
            return new VerificationResult.TooManyRequests();
        }
        Optional<CertificateRecord> found = find(typedCode);
        if (found.isEmpty()) {
            return new VerificationResult.Unknown();
        }
        throttle.found(lookup.getAsLong());
        return new VerificationResult.Found(toVerification(found.get()));
    }

    public NameCheck checkName(String code, String typedName, String clientAddress) {
        OptionalLong lookup = throttle.tryAcquire(clientAddress);
        if (lookup.isEmpty()) {
            return NameCheck.TOO_MANY_REQUESTS;
        }
        NameCheck result = find(code).map(r -> r.getHolderName() != null && NameMatcher.sameName(typedName, r.getHolderName())
                ? NameCheck.MATCHES : NameCheck.DOES_NOT_MATCH).orElse(NameCheck.UNKNOWN_CODE);
        if (result == NameCheck.MATCHES) {
            throttle.found(lookup.getAsLong());
        }
        return result;
    }

    /** True only when the file is byte for byte the PDF issued with this code (compares SHA-256). */
    public PdfCheck checkPdf(String code, byte[] uploaded, String clientAddress) {
        OptionalLong lookup = throttle.tryAcquire(clientAddress);
        if (lookup.isEmpty()) {
            return PdfCheck.TOO_MANY_REQUESTS;
        }
        // A PDF still being rendered has no hash yet: no uploaded file can be it.
        PdfCheck result = find(code).map(r -> r.getPdfSha256() != null && MessageDigest.isEqual(
                        SecretTokens.sha256Hex(uploaded).getBytes(StandardCharsets.US_ASCII),
                        r.getPdfSha256().getBytes(StandardCharsets.US_ASCII)) ? PdfCheck.IDENTICAL : PdfCheck.DIFFERENT)
                .orElse(PdfCheck.UNKNOWN_CODE);
        if (result == PdfCheck.IDENTICAL) {
            throttle.found(lookup.getAsLong());
        }
        return result;
    }

    private Optional<CertificateRecord> find(String typedCode) {
        return VerificationCodes.normalise(typedCode).flatMap(certificates::byCode);
    }

    private Verification toVerification(CertificateRecord r) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        Certificate certificate = JooqCertificateRepository.toCertificate(r, now);
        boolean accountDeleted = certificate.revocation() != null && certificate.revocation().accountDeleted();
        return new Verification(r.getCode(), certificate.status(), new Text(r.getPathTitleNl(), r.getPathTitleEn()),
                r.getCompletedOn(), r.getExpiresAt(), r.getMunicipalityName(),
                r.getHolderName() == null ? null : NameMatcher.mask(r.getHolderName()),
                accountDeleted, certificate.revocation() == null ? null : certificate.revocation().reason(),
                accountDeleted ? null : trainers.of(r.getUserId(), r.getPathId()).orElse(null));
    }
}
