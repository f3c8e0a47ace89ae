package nl.omzien.trainers;

import jakarta.annotation.security.RolesAllowed;
import nl.omzien.base.InvalidInputException;
import nl.omzien.base.MunicipalityId;
import nl.omzien.base.PersonId;
import nl.omzien.base.PersonalDataAccessed;
import nl.omzien.people.Audience;
import nl.omzien.security.CurrentUser;
import nl.omzien.security.Role;
import nl.omzien.security.SignedInUser;
import nl.omzien.sessions.TrainerQualifications;
import nl.omzien.trainers.internal.JooqTrainerRepository;
import nl.omzien.trainers.internal.JooqTrainerRepository.LedSession;
import nl.omzien.trainers.internal.TrainerKitPdf;
import nl.omzien.trainers.internal.TrainerRegister;
import nl.omzien.training.ModuleCatalog;
import nl.omzien.training.content.TrainingModule;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Trainer qualification for leads (who is qualified until when, who is not active, sessions whose trainer will not
 * be qualified on the day, recording an outside qualification, the municipality's rule) and for trainers (their own
 * standing and figures, the trainer kit). A lead works in their own municipality, an admin in any.
 */
@Service
public class TrainerService {

    public static final int MIN_EVIDENCE = 3;
    public static final int MAX_EVIDENCE = 1000;

    private final JooqTrainerRepository repository;
    private final TrainerRegister register;
    private final TrainerKitPdf kit;
    private final ModuleCatalog catalog;
    private final CurrentUser currentUser;
    private final ApplicationEventPublisher events;

    TrainerService(JooqTrainerRepository repository, TrainerRegister register, TrainerKitPdf kit, ModuleCatalog catalog,
                   CurrentUser currentUser, ApplicationEventPublisher events) {
        this.repository = repository;
        this.register = register;
        this.kit = kit;
        this.catalog = catalog;
        this.currentUser = currentUser;
        this.events = events;
    }

    /** The lead's own municipality; an admin names one. Anyone else's is refused like an unknown one. */
    private MunicipalityId scope(MunicipalityId municipalityId) {
        SignedInUser user = currentUser.require();
        MunicipalityId own = user.municipalityId();
        if (user.isAdmin()) {
            if (municipalityId == null && own == null) {
                throw new InvalidInputException(Map.of("municipality", "validation.required"));
            }
            return municipalityId != null ? municipalityId : own;
        }
        if (own == null || municipalityId != null && !municipalityId.equals(own)) {
            throw new AccessDeniedException("Not your municipality");
        }
        return own;
    }

    /** Qualified, expired and candidate trainers of the municipality, by state and name. */
    @Transactional(readOnly = true)
    @RolesAllowed({Role.LEAD_ROLE, Role.ADMIN_ROLE})
    public List<TrainerStatus> trainers(MunicipalityId municipalityId) {
        MunicipalityId municipality = scope(municipalityId);
        Map<PersonId, Qualification> latest = repository.latestIn(municipality);
        Map<PersonId, String> people = repository.peopleIn(municipality);
        List<TrainerStatus> all = new ArrayList<>();
        latest.forEach((person, q) -> all.add(register.status(person, people.getOrDefault(person,
                repository.names(List.of(person)).getOrDefault(person, "")), q, false, municipality)));
        Map<PersonId, TrainerQualifications.Standing> standing = register.standing(municipality,
                List.copyOf(people.keySet()), register.today());
        standing.forEach((person, s) -> {
            if (s.candidate()) {
                all.add(register.status(person, people.get(person), null, true, municipality));
            }
        });
        all.sort(Comparator.comparing(TrainerStatus::state).thenComparing(TrainerStatus::name, String.CASE_INSENSITIVE_ORDER));
        return all;
    }

    /**
     * Planned sessions whose trainer will not be qualified on the day (lapsed, or ending before): the lead's list to
     * act on. Nothing is cancelled or changed by itself.
     */
    @Transactional(readOnly = true)
    @RolesAllowed({Role.LEAD_ROLE, Role.ADMIN_ROLE})
    public List<LapsedTrainerSession> sessionsWithoutQualifiedTrainer(MunicipalityId municipalityId) {
        MunicipalityId municipality = scope(municipalityId);
        List<LapsedTrainerSession> lapsed = new ArrayList<>();
        List<LedSession> upcoming = repository.upcomingIn(municipality, register.now());
        Map<PersonId, String> names = repository.names(upcoming.stream().flatMap(s -> s.trainerIds().stream()).distinct().toList());
        for (LedSession session : upcoming) {
            LocalDate day = session.startsAt().atZoneSameInstant(TrainerRegister.ZONE).toLocalDate();
            Map<PersonId, TrainerQualifications.Standing> standing = register.standing(municipality,
                    List.copyOf(session.trainerIds()), day);
            for (PersonId trainer : session.trainerIds()) {
                TrainerQualifications.Standing s = standing.get(trainer);
                // A candidate giving their first session beside a qualified trainer is as planned.
                if (s == null || !s.qualified() && !s.candidate()) {
                    lapsed.add(new LapsedTrainerSession(session.sessionId(), session.title(), session.startsAt(), trainer,
                            names.getOrDefault(trainer, ""), s == null ? null : s.validUntil()));
                }
            }
        }
        return lapsed;
    }

    /** People of the municipality a qualification can be recorded for. */
    @Transactional(readOnly = true)
    @RolesAllowed({Role.LEAD_ROLE, Role.ADMIN_ROLE})
    public Map<PersonId, String> people(MunicipalityId municipalityId) {
        return repository.peopleIn(scope(municipalityId));
    }

    /**
     * Records a qualification gained elsewhere (e.g. a welfare organisation's own trainer), from today until
     * {@code expiresOn}, with the evidence the lead saw; written to the audit log.
     */
    @Transactional
    @RolesAllowed({Role.LEAD_ROLE, Role.ADMIN_ROLE})
    public QualificationId recordExternal(MunicipalityId municipalityId, PersonId person, String evidence, LocalDate expiresOn) {
        MunicipalityId municipality = scope(municipalityId);
        LocalDate today = register.today();
        String cleaned = evidence == null ? null : evidence.strip();
        new InvalidInputException.Checks()
                .require("person", person)
                .require("evidence", cleaned)
                .length("evidence", cleaned, MIN_EVIDENCE, MAX_EVIDENCE)
                .multiLine("evidence", cleaned)
                .require("expiresOn", expiresOn)
                .fail("expiresOn", "trainers.expires-in-past", expiresOn != null && !expiresOn.isAfter(today))
                .fail("expiresOn", "trainers.expires-too-late", expiresOn != null && expiresOn.isAfter(today.plusYears(10)))
                .throwIfAny();
        if (!repository.peopleIn(municipality).containsKey(person)) {
            throw new InvalidInputException(Map.of("person", "trainers.person-invalid"));
        }
        SignedInUser user = currentUser.require();
        QualificationId id = repository.insert(person, municipality, Qualification.Source.EXTERNAL, today, expiresOn,
                cleaned, user.accountId(), register.now());
        events.publishEvent(PersonalDataAccessed.of(PersonalDataAccessed.Action.CHANGED, person,
                "trainer-qualification-recorded:" + id.value() + ":" + expiresOn));
        return id;
    }

    @Transactional(readOnly = true)
    @RolesAllowed({Role.LEAD_ROLE, Role.ADMIN_ROLE})
    public TrainerRule rule(MunicipalityId municipalityId) {
        return register.rule(scope(municipalityId));
    }

    /** Sets the municipality's validity (months) and minimum sessions a year; applies to qualifications from now on. */
    @Transactional
    @RolesAllowed({Role.LEAD_ROLE, Role.ADMIN_ROLE})
    public void changeRule(MunicipalityId municipalityId, Integer validityMonths, Integer minSessionsPerYear) {
        MunicipalityId municipality = scope(municipalityId);
        new InvalidInputException.Checks()
                .require("validityMonths", validityMonths)
                .require("minSessionsPerYear", minSessionsPerYear)
                .fail("validityMonths", "trainers.validity-range", validityMonths != null && (validityMonths < 6 || validityMonths > 120))
                .fail("minSessionsPerYear", "trainers.minimum-range", minSessionsPerYear != null
                        && (minSessionsPerYear < 0 || minSessionsPerYear > 52))
                .throwIfAny();
        repository.saveRule(municipality, validityMonths, minSessionsPerYear, currentUser.require().accountId(), register.now());
    }

    /** The signed-in trainer's standing and the figures of every session they gave, newest first. */
    @Transactional(readOnly = true)
    @RolesAllowed({Role.TRAINER_ROLE, Role.LEAD_ROLE, Role.ADMIN_ROLE})
    public MyTrainerStanding mine() {
        SignedInUser user = currentUser.require();
        PersonId me = user.accountId();
        MunicipalityId municipality = user.municipalityId();
        TrainerStatus status = null;
        TrainerRule rule = null;
        if (municipality != null) {
            Qualification latest = repository.latestIn(municipality).get(me);
            boolean candidate = register.standing(municipality, List.of(me), register.today())
                    .values().stream().anyMatch(TrainerQualifications.Standing::candidate);
            status = register.status(me, user.fullName(), latest, candidate, municipality);
            rule = register.rule(municipality);
        }
        List<SessionFiguresForTrainer> figures = new ArrayList<>();
        for (LedSession session : repository.givenBy(me, register.now()).reversed()) {
            figures.add(figures(session));
        }
        return new MyTrainerStanding(status, rule, figures);
    }

    private SessionFiguresForTrainer figures(LedSession session) {
        JooqTrainerRepository.Figures f = repository.figures(session.sessionId())
                .orElse(new JooqTrainerRepository.Figures(0, 0, 0, 0));
        List<short[]> confidence = repository.confidenceOfThosePresent(session.sessionId(), session.moduleIds());
        boolean enough = confidence.size() >= SessionFiguresForTrainer.MIN_ANSWERS;
        // Each answer is the sum of three questions (3..15): shown per question, 1..5.
        Double before = enough ? confidence.stream().mapToDouble(c -> c[0] / 3.0).average().orElseThrow() : null;
        Double after = enough ? confidence.stream().mapToDouble(c -> c[1] / 3.0).average().orElseThrow() : null;
        return new SessionFiguresForTrainer(session.sessionId(), session.title(), session.startsAt(), f.places(), f.present(),
                f.evaluations(), f.evaluations() == 0 ? null : (double) f.scoreSum() / f.evaluations(), confidence.size(),
                before, after);
    }

    /** Modules a kit can be made for: id to title, in module order. */
    @RolesAllowed({Role.TRAINER_ROLE, Role.LEAD_ROLE, Role.ADMIN_ROLE})
    public Map<String, TrainingModule> kitModules() {
        Map<String, TrainingModule> modules = new java.util.LinkedHashMap<>();
        catalog.current().stream().sorted(Comparator.comparingInt(TrainingModule::order).thenComparing(TrainingModule::id))
                .forEach(m -> modules.put(m.id(), m));
        return modules;
    }

    /** A kit document for the current version of a module, for one audience. */
    @RolesAllowed({Role.TRAINER_ROLE, Role.LEAD_ROLE, Role.ADMIN_ROLE})
    public KitDocument kit(String moduleId, Audience audience, KitPart part, Locale locale) {
        TrainingModule module = catalog.current(moduleId).orElseThrow(() -> new InvalidInputException(Map.of("module", "trainers.kit-module-unknown")));
        if (audience == null || !module.audiences().contains(audience) || part == null) {
            throw new InvalidInputException(Map.of("audience", "trainers.kit-audience-invalid"));
        }
        String file = "trainerskit-" + module.id() + "-v" + module.version() + "-" + audience.id() + "-"
                + part.name().toLowerCase(Locale.ROOT) + "-" + locale.getLanguage() + ".pdf";
        return new KitDocument(file, kit.render(module, audience, part, locale));
    }

    /** A generated PDF and the name to save it as. */
    public record KitDocument(String fileName, byte[] pdf) {
    }
}
