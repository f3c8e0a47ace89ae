package nl.omzien.trainers.internal;

import nl.omzien.base.MunicipalityId;
import nl.omzien.base.PersonId;
import nl.omzien.certificates.TrainerStandings;
import nl.omzien.sessions.TrainerQualifications;
import nl.omzien.trainers.Qualification;
import nl.omzien.trainers.TrainerRule;
import nl.omzien.trainers.TrainerStatus;
import nl.omzien.trainers.internal.JooqTrainerRepository.CandidateRow;
import nl.omzien.trainers.internal.JooqTrainerRepository.LedSession;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The rules of trainer qualification in one place: who stands where on a day, what a municipality's rule is,
 * whether a trainer is active. Implements sessions' and certificates' ports, so both ask the same rules; runs in
 * the caller's transaction and checks no roles (the callers' services do).
 */
@Component
public class TrainerRegister implements TrainerQualifications, TrainerStandings {

    /** Dates of sessions and qualifications are Dutch dates. */
    public static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");
    /** A qualification ending within this many days shows as "expiring", and its holder gets one reminder. */
    public static final int REMINDER_DAYS = 60;

    private final JooqTrainerRepository repository;
    private final Clock clock;
    private final int defaultValidityMonths;
    private final int defaultMinSessions;
    private final String pathId;
    private final String trainTheTrainerModule;

    TrainerRegister(JooqTrainerRepository repository, Clock clock,
                    @Value("${omzien.trainers.validity-months:36}") int defaultValidityMonths,
                    @Value("${omzien.trainers.min-sessions-per-year:2}") int defaultMinSessions,
                    @Value("${omzien.trainers.path-id:trainer}") String pathId,
                    @Value("${omzien.trainers.train-the-trainer-module:trainer-worden}") String trainTheTrainerModule) {
        this.repository = repository;
        this.clock = clock;
        this.defaultValidityMonths = defaultValidityMonths;
        this.defaultMinSessions = defaultMinSessions;
        this.pathId = pathId;
        this.trainTheTrainerModule = trainTheTrainerModule;
    }

    public String pathId() {
        return pathId;
    }

    public String trainTheTrainerModule() {
        return trainTheTrainerModule;
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(ZONE));
    }

    public OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }

    public TrainerRule rule(MunicipalityId municipalityId) {
        return repository.rule(municipalityId).map(r -> new TrainerRule(r.validityMonths(), r.minSessionsPerYear(), true))
                .orElse(new TrainerRule(defaultValidityMonths, defaultMinSessions, false));
    }

    @Override
    @Transactional(readOnly = true)
    public Map<PersonId, Standing> standing(MunicipalityId municipality, Collection<PersonId> people, LocalDate day) {
        List<PersonId> ids = people.stream().distinct().toList();
        Map<PersonId, Standing> standing = new HashMap<>();
        if (ids.isEmpty()) {
            return standing;
        }
        for (Qualification q : repository.of(municipality, ids)) {
            Standing before = standing.get(q.personId());
            boolean qualified = q.validOn(day) || before != null && before.qualified();
            LocalDate until = before != null && before.validUntil() != null && before.validUntil().isAfter(q.expiresOn())
                    ? before.validUntil() : q.expiresOn();
            standing.put(q.personId(), new Standing(qualified, false, until));
        }
        for (CandidateRow candidate : repository.candidatesOf(ids)) {
            if (candidate.readyForFirstSession() && !standing.containsKey(candidate.personId())
                    && repository.person(candidate.personId()).map(p -> Objects.equals(p.municipalityId(), municipality)).orElse(false)) {
                standing.put(candidate.personId(), new Standing(false, true, null));
            }
        }
        return standing;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<TrainerStanding> of(PersonId holderId, String certificatePathId) {
        if (!pathId.equals(certificatePathId)) {
            return Optional.empty();
        }
        Optional<Qualification> latest = repository.latestOf(holderId);
        boolean qualified = latest.map(q -> q.validOn(today())).orElse(false);
        int led = repository.sessionsGiven(List.of(holderId), null, now()).getOrDefault(holderId, 0);
        return Optional.of(new TrainerStanding(qualified, qualified ? latest.get().expiresOn() : null, led));
    }

    /** Each person's status in a municipality, from their latest qualification (or candidacy). */
    public TrainerStatus status(PersonId personId, String name, Qualification latest, boolean candidate, MunicipalityId municipalityId) {
        OffsetDateTime now = now();
        Map<PersonId, Integer> lastYear = repository.sessionsGiven(List.of(personId), now.minusYears(1), now);
        Map<PersonId, Integer> ever = repository.sessionsGiven(List.of(personId), null, now);
        int sessionsLastYear = lastYear.getOrDefault(personId, 0);
        int sessionsLed = ever.getOrDefault(personId, 0);
        if (latest == null) {
            return new TrainerStatus(personId, name, null, null, null, sessionsLastYear, sessionsLed,
                    candidate ? TrainerStatus.State.CANDIDATE : TrainerStatus.State.EXPIRED);
        }
        return new TrainerStatus(personId, name, latest.source(), latest.qualifiedOn(), latest.expiresOn(), sessionsLastYear,
                sessionsLed, state(latest, sessionsLastYear, rule(municipalityId)));
    }

    /**
     * Not active only after a full year qualified: someone qualified last month cannot have given two sessions in
     * the past twelve months, and is not behind.
     */
    TrainerStatus.State state(Qualification latest, int sessionsLastYear, TrainerRule rule) {
        LocalDate today = today();
        if (!latest.validOn(today)) {
            return TrainerStatus.State.EXPIRED;
        }
        if (!latest.expiresOn().isAfter(today.plusDays(REMINDER_DAYS))) {
            return TrainerStatus.State.EXPIRING;
        }
        if (!latest.qualifiedOn().isAfter(today.minusYears(1)) && sessionsLastYear < rule.minSessionsPerYear()) {
            return TrainerStatus.State.NOT_ACTIVE;
        }
        return TrainerStatus.State.ACTIVE;
    }

    /**
     * Qualifies candidates whose first session beside a qualified trainer has taken place: the qualification starts
     * on that session's day and lasts the municipality's validity.
     *
     * @return how many were qualified
     */
    @Transactional
    public int qualifyCandidates() {
        int qualified = 0;
        OffsetDateTime now = now();
        for (CandidateRow candidate : repository.lockReadyCandidates()) {
            Optional<JooqTrainerRepository.PersonRow> person = repository.person(candidate.personId());
            if (person.isEmpty() || person.get().municipalityId() == null) {
                continue;
            }
            MunicipalityId municipality = person.get().municipalityId();
            for (LedSession session : repository.givenBy(candidate.personId(), now)) {
                if (!session.municipalityId().equals(municipality) || session.startsAt().isBefore(candidate.tttAttendedAt())) {
                    continue;
                }
                LocalDate day = session.startsAt().atZoneSameInstant(ZONE).toLocalDate();
                List<PersonId> others = session.trainerIds().stream().filter(t -> !t.equals(candidate.personId())).toList();
                boolean beside = standing(municipality, others, day).values().stream().anyMatch(Standing::qualified);
                if (beside) {
                    repository.insert(candidate.personId(), municipality, Qualification.Source.PATH, day,
                            day.plusMonths(rule(municipality).validityMonths()).minusDays(1), null, null, now);
                    repository.markQualified(candidate.personId(), now);
                    qualified++;
                    break;
                }
            }
        }
        return qualified;
    }
}
