package nl.omzien.certificates.internal;

import nl.omzien.base.PersonId;
import nl.omzien.sessions.SessionId;
import nl.omzien.certificates.CertificateId;
import nl.omzien.certificates.CertificateIssued;
import nl.omzien.certificates.LearningPath;
import nl.omzien.certificates.LearningPath.RequiredModule;
import nl.omzien.certificates.LearningPaths;
import nl.omzien.certificates.internal.JooqCertificateRepository.Attendance;
import nl.omzien.certificates.internal.JooqCertificateRepository.NewCertificate;
import nl.omzien.certificates.internal.db.tables.records.CertificateRecord;
import nl.omzien.people.PersonProfile;
import nl.omzien.people.PersonProfiles;
import nl.omzien.training.ModulePass;
import nl.omzien.training.PassedModules;
import nl.omzien.training.content.Text;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Decides whether a person has completed a learning path and issues the certificate, inside the
 * caller's transaction (the one that recorded the last requirement). Safe to call any number of
 * times: a path yields one certificate per person per validity period. Recertification: from
 * {@link #RENEWAL_WINDOW} before expiry, requirements done again (the refresher, if the path has
 * one) yield a new certificate and the old one becomes superseded.
 */
@Component
public class CertificateIssuer {

    /** How long before expiry a refresher counts towards a new certificate. */
    public static final Duration RENEWAL_WINDOW = Duration.ofDays(90);

    private final JooqCertificateRepository certificates;
    private final LearningPaths paths;
    private final PassedModules passedModules;
    private final PersonProfiles profiles;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final String baseUrl;
    private final io.micrometer.core.instrument.Counter issued;

    CertificateIssuer(JooqCertificateRepository certificates, LearningPaths paths, PassedModules passedModules,
                      PersonProfiles profiles, ApplicationEventPublisher events, Clock clock,
                      @Value("${omzien.base-url}") String baseUrl, io.micrometer.core.instrument.MeterRegistry meters) {
        this.issued = io.micrometer.core.instrument.Counter.builder("omzien.certificates.issued")
                .description("Certificates issued (counted when the issuing transaction commits)").register(meters);
        this.certificates = certificates;
        this.paths = paths;
        this.passedModules = passedModules;
        this.profiles = profiles;
        this.events = events;
        this.clock = clock;
        this.baseUrl = baseUrl.replaceAll("/+$", "");
    }

    /** Issues every certificate the person has earned and not yet received; returns the new ids. */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<CertificateId> evaluate(PersonId userId) {
        certificates.lockPerson(userId);
        Optional<PersonProfile> profile = profiles.of(userId);
        if (profile.isEmpty()) {
            return List.of();
        }
        List<ModulePass> passes = passedModules.of(userId);
        List<Attendance> attendances = certificates.attendances(userId);
        List<CertificateId> issued = new ArrayList<>();
        for (LearningPath path : paths.all()) {
            Optional<CertificateRecord> latest = certificates.latest(userId, path.id());
            OffsetDateTime since = OffsetDateTime.MIN;
            List<RequiredModule> required = path.modules();
            if (latest.isPresent()) {
                CertificateRecord previous = latest.get();
                // Revoked: only staff re-issue. No expiry: one certificate for life.
                if (previous.getStatus() == StoredCertificateStatus.REVOKED || previous.getExpiresAt() == null) {
                    continue;
                }
                since = previous.getExpiresAt().minus(RENEWAL_WINDOW);
                if (OffsetDateTime.now(clock).isBefore(since)) {
                    continue;
                }
                required = path.renewalModules();
            }
            Optional<OffsetDateTime> completedAt = completedAt(path, required, passes, attendances, since);
            if (completedAt.isEmpty()) {
                continue;
            }
            SessionId sessionId = attendedFor(path, attendances, since).flatMap(a -> a.stream()
                    .max(java.util.Comparator.comparing(Attendance::attendedAt))).map(Attendance::sessionId).orElse(null);
            int cycle = latest.map(r -> r.getCycle() + 1).orElse(1);
            CertificateId id = issue(profile.get(), path.id(), path.title(), cycle, completedAt.get(),
                    path.validity().map(v -> completedAt.get().plus(v)).orElse(null), sessionId);
            latest.ifPresent(previous -> certificates.supersede(previous.getId(), id));
            issued.add(id);
        }
        return issued;
    }

    /** When the last requirement was met, or empty while something is missing. */
    private static Optional<OffsetDateTime> completedAt(LearningPath path, List<RequiredModule> required, List<ModulePass> passes,
                                                        List<Attendance> attendances, OffsetDateTime since) {
        OffsetDateTime last = OffsetDateTime.MIN;
        for (RequiredModule module : required) {
            Optional<OffsetDateTime> passed = passes.stream()
                    .filter(p -> p.moduleId().equals(module.moduleId()) && p.version() >= module.minimumVersion()
                            && !p.completedAt().isBefore(since))
                    .map(ModulePass::completedAt).min(OffsetDateTime::compareTo);
            if (passed.isEmpty()) {
                return Optional.empty();
            }
            last = passed.get().isAfter(last) ? passed.get() : last;
        }
        if (path.attendanceRequired()) {
            Optional<List<Attendance>> attended = attendedFor(path, attendances, since);
            if (attended.isEmpty()) {
                return Optional.empty();
            }
            for (Attendance a : attended.get()) {
                last = a.attendedAt().isAfter(last) ? a.attendedAt() : last;
            }
        }
        return Optional.of(last);
    }

    /**
     * One attended session (since {@code since}) per required session, each a different one of the right
     * kind; empty while one is missing. The most specific requirement picks first, so a session that fits
     * only it is not taken by a broader one.
     */
    private static Optional<List<Attendance>> attendedFor(LearningPath path, List<Attendance> attendances, OffsetDateTime since) {
        if (!path.attendanceRequired()) {
            return Optional.empty();
        }
        List<Attendance> left = new ArrayList<>(attendances.stream().filter(a -> !a.attendedAt().isBefore(since)).toList());
        List<Attendance> chosen = new ArrayList<>();
        List<LearningPath.RequiredSession> required = path.sessions().stream()
                .sorted(java.util.Comparator.comparingInt((LearningPath.RequiredSession r) -> r.covers().size()).reversed()).toList();
        for (LearningPath.RequiredSession session : required) {
            Optional<Attendance> match = left.stream().filter(a -> session.matches(a.moduleIds())).findFirst();
            if (match.isEmpty()) {
                return Optional.empty();
            }
            left.remove(match.get());
            chosen.add(match.get());
        }
        return Optional.of(chosen);
    }

    /**
     * Stores one certificate; the caller holds the person's lock. Its PDF is rendered and mailed once this
     * transaction commits ({@link CertificatePdfs}), so a failing rendering never undoes the completion.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public CertificateId issue(PersonProfile holder, String pathId, Text pathTitle, int cycle, OffsetDateTime completedAt,
                      OffsetDateTime expiresAt, SessionId sessionId) {
        String code = VerificationCodes.newCode();
        while (certificates.codeExists(code)) {
            code = VerificationCodes.newCode();
        }
        String municipality = holder.municipalityName() != null ? holder.municipalityName() : "Omzien";
        OffsetDateTime now = OffsetDateTime.now(clock);
        NewCertificate certificate = new NewCertificate(code, holder.userId(), pathId, cycle, holder.fullName(),
                holder.organisationName(), holder.municipalityId(), municipality, pathTitle,
                completedAt.atZoneSameInstant(clock.getZone()).toLocalDate(), now, expiresAt, sessionId);
        CertificateId id = certificates.insert(certificate, now.plus(CertificatePdfs.FIRST_RETRY_AFTER));
        events.publishEvent(new CertificateIssued(id, holder.userId(), pathId, code));
        nl.omzien.base.AfterCommit.run(issued::increment);
        return id;
    }

    public String verifyUrl(String code) {
        return baseUrl + "/verify/" + code;
    }
}
