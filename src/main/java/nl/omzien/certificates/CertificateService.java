package nl.omzien.certificates;

import nl.omzien.base.PersonId;
import nl.omzien.sessions.SessionId;
import org.springframework.context.ApplicationEventPublisher;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import nl.omzien.base.InvalidInputException;
import nl.omzien.certificates.internal.CertificateIssuer;
import nl.omzien.certificates.internal.JooqCertificateRepository;
import nl.omzien.certificates.internal.StoredCertificateStatus;
import nl.omzien.certificates.internal.db.tables.records.CertificateRecord;
import nl.omzien.people.PersonProfile;
import nl.omzien.people.PersonProfiles;
import nl.omzien.security.CurrentUser;
import nl.omzien.security.Role;
import nl.omzien.security.SignedInUser;
import nl.omzien.sessions.SessionFacts;
import nl.omzien.sessions.TrainingSession;
import nl.omzien.training.content.Text;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Certificates for their holders (list, download) and for staff (revoke, re-issue), plus the seams
 * other features call when something happens to a person (account deletion).
 * Every method checks role and ownership here, whatever a view shows.
 */
@Service
public class CertificateService {

    public static final int MIN_REASON_LENGTH = 3;
    public static final int MAX_REASON_LENGTH = 500;

    private final JooqCertificateRepository certificates;
    private final CertificateIssuer issuer;
    private final PersonProfiles profiles;
    private final CurrentUser currentUser;
    private final SessionFacts sessions;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    CertificateService(JooqCertificateRepository certificates, CertificateIssuer issuer, PersonProfiles profiles,
                       CurrentUser currentUser, SessionFacts sessions, Clock clock,
                       ApplicationEventPublisher events) {
        this.sessions = sessions;
        this.events = events;
        this.certificates = certificates;
        this.issuer = issuer;
        this.profiles = profiles;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }

    /** The signed-in person's certificates, newest first, including superseded and revoked ones (history). */
    @Transactional(readOnly = true)
    @PermitAll
    public List<Certificate> mine() {
        return certificates.ofUser(currentUser.require().accountId(), now());
    }

    /**
     * The PDF of one of the signed-in person's own certificates. Someone else's id looks exactly like a
     * missing one, so ids cannot be probed.
     */
    @Transactional(readOnly = true)
    @PermitAll
    public CertificateDownload download(CertificateId certificateId) {
        PersonId me = currentUser.require().accountId();
        CertificateRecord record = certificates.find(certificateId)
                .filter(r -> Objects.equals(r.getUserId(), me))
                .orElseThrow(() -> new NoSuchElementException("No such certificate"));
        byte[] pdf = certificates.pdf(certificateId).orElseThrow(() -> new NoSuchElementException("No PDF"));
        return new CertificateDownload("certificaat-" + record.getCode() + ".pdf", pdf);
    }

    /** Certificates staff may manage: all for an admin, their municipality's for a coalition lead. */
    @Transactional(readOnly = true)
    @RolesAllowed({Role.ADMIN_ROLE, Role.LEAD_ROLE})
    public List<Certificate> managed() {
        SignedInUser user = currentUser.require();
        if (user.isAdmin()) {
            return certificates.inMunicipality(null, now());
        }
        return user.municipalityId() == null ? List.of() : certificates.inMunicipality(user.municipalityId(), now());
    }

    /** Revokes a certificate with a reason; the record, reason and who did it stay. Repeating changes nothing. */
    @Transactional
    @RolesAllowed({Role.ADMIN_ROLE, Role.LEAD_ROLE})
    public Certificate revoke(CertificateId certificateId, String reason) {
        SignedInUser user = currentUser.require();
        String cleaned = checkedReason(reason);
        CertificateRecord record = managedLocked(user, certificateId);
        if (record.getStatus() != StoredCertificateStatus.REVOKED) {
            certificates.revoke(certificateId, "BY_STAFF", cleaned, user.accountId(), user.fullName(), now());
            if (record.getUserId() != null) {
                events.publishEvent(new CertificateRevoked(certificateId, record.getUserId()));
            }
        }
        return reload(certificateId);
    }

    /**
     * Replaces a certificate by a new one (new code and PDF, with the holder's current name, same path,
     * dates and validity); the old one is revoked with the reason. For a wrong name or a lost code.
     * Only a current (valid or expired) certificate can be re-issued.
     *
     * @return the new certificate
     */
    @Transactional
    @RolesAllowed({Role.ADMIN_ROLE, Role.LEAD_ROLE})
    public Certificate reissue(CertificateId certificateId, String reason) {
        SignedInUser user = currentUser.require();
        String cleaned = checkedReason(reason);
        CertificateRecord old = managedLocked(user, certificateId);
        // A revoked one may already have been re-issued (two leads, a stale list): a second re-issue
        // would leave two live certificates for one completion.
        if (old.getUserId() == null || old.getStatus() != StoredCertificateStatus.ISSUED) {
            throw new InvalidInputException(Map.of("reason", "admin-certificates.not-current"));
        }
        certificates.lockPerson(old.getUserId());
        PersonProfile holder = profiles.of(old.getUserId()).orElseThrow();
        certificates.revoke(certificateId, "BY_STAFF", cleaned, user.accountId(), user.fullName(), now());
        events.publishEvent(new CertificateRevoked(certificateId, old.getUserId()));
        CertificateId id = issuer.issue(holder, old.getPathId(), new Text(old.getPathTitleNl(), old.getPathTitleEn()), old.getCycle(),
                old.getCompletedOn().atStartOfDay(clock.getZone()).toOffsetDateTime(), old.getExpiresAt(), old.getSessionId());
        return reload(id);
    }

    private String checkedReason(String reason) {
        String cleaned = reason == null ? "" : reason.strip();
        new InvalidInputException.Checks()
                .require("reason", cleaned)
                .length("reason", cleaned, MIN_REASON_LENGTH, MAX_REASON_LENGTH)
                .multiLine("reason", cleaned)
                .throwIfAny();
        return cleaned;
    }

    private CertificateRecord managedLocked(SignedInUser user, CertificateId certificateId) {
        CertificateRecord record = certificates.findLocked(certificateId)
                .orElseThrow(() -> new NoSuchElementException("No such certificate"));
        if (!user.isAdmin() && (user.municipalityId() == null || !user.municipalityId().equals(record.getMunicipalityId()))) {
            throw new AccessDeniedException("Certificate outside the lead's municipality");
        }
        return record;
    }

    private Certificate reload(CertificateId id) {
        return JooqCertificateRepository.toCertificate(certificates.find(id).orElseThrow(), now());
    }

    /**
     * Whether the signed-in person may download a session's certificates: its own trainers, a coalition
     * lead of its municipality (who manages those certificates anyway), an admin. Another trainer of the
     * municipality may open the session's page, but not its participants' certificates.
     */
    @Transactional(readOnly = true)
    @RolesAllowed({Role.ADMIN_ROLE, Role.LEAD_ROLE, Role.TRAINER_ROLE})
    public boolean mayDownloadSession(SessionId sessionId) {
        SignedInUser user = currentUser.require();
        return sessions.of(sessionId).map(session -> maySee(user, session)).orElse(false);
    }

    private static boolean maySee(SignedInUser user, TrainingSession session) {
        return user.isAdmin()
                || (user.has(Role.TRAINER) && session.trainerIds().contains(user.accountId()))
                || (user.has(Role.COALITION_LEAD) && Objects.equals(user.municipalityId(), session.municipalityId()));
    }

    private void requireSessionAccess(SessionId sessionId) {
        SignedInUser user = currentUser.require();
        TrainingSession session = sessions.of(sessionId).orElseThrow(() -> new AccessDeniedException("No such session"));
        if (!maySee(user, session)) {
            throw new AccessDeniedException("Not this session's trainer");
        }
    }

    /** How many live certificates were earned at a session (what the ZIP would hold). */
    @Transactional(readOnly = true)
    @RolesAllowed({Role.ADMIN_ROLE, Role.LEAD_ROLE, Role.TRAINER_ROLE})
    public int sessionCertificateCount(SessionId sessionId) {
        requireSessionAccess(sessionId);
        return certificates.countLiveOfSession(sessionId);
    }

    /**
     * All live certificates earned at a session as one ZIP of their stored PDFs (byte-identical to what
     * each holder received), named by holder and code. For the trainer to print or hand out.
     */
    @Transactional(readOnly = true)
    @RolesAllowed({Role.ADMIN_ROLE, Role.LEAD_ROLE, Role.TRAINER_ROLE})
    public CertificateDownload sessionCertificates(SessionId sessionId) {
        requireSessionAccess(sessionId);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (var certificate : certificates.liveOfSession(sessionId)) {
                zip.putNextEntry(new ZipEntry(zipName(certificate.holderName(), certificate.code())));
                zip.write(certificate.pdf());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new CertificateDownload("certificaten-bijeenkomst-" + sessionId + ".zip", bytes.toByteArray());
    }

    /**
     * The same certificates as {@link #sessionCertificates} in one PDF, one after the other, to print at once
     * on site: for walk-ins without an e-mail address, who get theirs on paper (issue 20).
     */
    @Transactional(readOnly = true)
    @RolesAllowed({Role.ADMIN_ROLE, Role.LEAD_ROLE, Role.TRAINER_ROLE})
    public CertificateDownload sessionCertificatesToPrint(SessionId sessionId) {
        requireSessionAccess(sessionId);
        org.apache.pdfbox.multipdf.PDFMergerUtility merger = new org.apache.pdfbox.multipdf.PDFMergerUtility();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        merger.setDestinationStream(bytes);
        for (var certificate : certificates.liveOfSession(sessionId)) {
            merger.addSource(new org.apache.pdfbox.io.RandomAccessReadBuffer(certificate.pdf()));
        }
        try {
            merger.mergeDocuments(org.apache.pdfbox.io.IOUtils.createMemoryOnlyStreamCache());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new CertificateDownload("certificaten-bijeenkomst-" + sessionId + "-afdrukken.pdf", bytes.toByteArray());
    }

    /** "anna-de-vries-OMZ-….pdf": readable, unique by code, safe in any unzip tool (no slashes or dots). */
    static String zipName(String holderName, String code) {
        String name = holderName == null ? "" : Normalizer.normalize(holderName, Normalizer.Form.NFC)
                .replaceAll("[^\\p{L}\\p{N}]+", "-").replaceAll("(^-|-$)", "").toLowerCase(java.util.Locale.ROOT);
        return (name.isEmpty() ? "" : name + "-") + code + ".pdf";
    }

    /**
     * The rule for a deleted account (see docs/decisions/007-certificates.md): every live certificate is
     * revoked with "account deleted"; name and PDF are erased; code, path, dates and municipality stay so
     * the verify page can say what happened. To be called by account deletion before the account goes.
     *
     * @return how many certificates were revoked
     */
    @Transactional
    @PermitAll
    public int accountDeleted(PersonId personId) {
        Optional<SignedInUser> user = currentUser.find();
        if (user.isPresent() && !user.get().accountId().equals(personId) && !user.get().isAdmin()) {
            throw new AccessDeniedException("Only the person or an admin deletes an account");
        }
        int revoked = certificates.revokeAndForget(personId, now());
        events.publishEvent(new CertificateRevoked(null, personId));
        return revoked;
    }
}
