package nl.omzien.sessions;

import nl.omzien.base.OrganisationId;

import nl.omzien.base.MunicipalityId;
import nl.omzien.base.PersonId;
import nl.omzien.base.SecretTokens;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import nl.omzien.base.InvalidInputException;
import nl.omzien.base.PersonalDataAccessed;
import nl.omzien.people.WalkIns;
import nl.omzien.security.CurrentUser;
import nl.omzien.security.Role;
import nl.omzien.security.SignedInUser;
import nl.omzien.sessions.internal.JooqSessionInterestRepository;
import nl.omzien.training.ModuleTitles;
import nl.omzien.sessions.internal.PersonLookup;
import nl.omzien.sessions.internal.JooqRegistrationRepository;
import nl.omzien.sessions.internal.JooqRegistrationRepository.EvaluationRow;
import nl.omzien.sessions.internal.JooqRegistrationRepository.Row;
import nl.omzien.sessions.internal.JooqSessionRepository;
import nl.omzien.sessions.internal.JooqSessionRepository.LockedSession;
import nl.omzien.sessions.internal.JooqSessionRepository.Times;
import nl.omzien.sessions.internal.PeOnlineAttendance;
import nl.omzien.sessions.internal.PresenceListPdf;
import nl.omzien.sessions.internal.QrCodeImage;
import nl.omzien.sessions.internal.SeatAllocation;
import nl.omzien.sessions.internal.SessionMails;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Sessions from a trainer's side: plan (one or a series), change, cancel, see who comes, record
 * attendance, show the check-in QR code, print the presence list, read the evaluations. Trainers and
 * coalition leads work in their own municipality; admins everywhere.
 */
@Service
public class SessionService {

    /** QR check-in works from this long before the start until this long after the end. */
    static final Duration CHECK_IN_BEFORE = Duration.ofMinutes(30);
    static final Duration CHECK_IN_AFTER = Duration.ofMinutes(15);

    private final JooqSessionRepository sessions;
    private final JooqRegistrationRepository registrations;
    private final PersonLookup people;
    private final JooqSessionInterestRepository interests;
    private final ModuleTitles moduleTitles;
    private final SeatAllocation seats;
    private final SessionMails mails;
    private final PresenceListPdf presenceList;
    private final TrainerQualifications qualifications;
    private final WalkIns walkIns;
    private final CurrentUser currentUser;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final String baseUrl;

    SessionService(JooqSessionRepository sessions, JooqRegistrationRepository registrations, PersonLookup people,
                   JooqSessionInterestRepository interests, ModuleTitles moduleTitles, SeatAllocation seats,
                   SessionMails mails, PresenceListPdf presenceList, TrainerQualifications qualifications,
                   WalkIns walkIns, CurrentUser currentUser,
                   ApplicationEventPublisher events, Clock clock, @Value("${omzien.base-url}") String baseUrl) {
        this.sessions = sessions;
        this.registrations = registrations;
        this.people = people;
        this.interests = interests;
        this.moduleTitles = moduleTitles;
        this.seats = seats;
        this.mails = mails;
        this.presenceList = presenceList;
        this.qualifications = qualifications;
        this.walkIns = walkIns;
        this.currentUser = currentUser;
        this.events = events;
        this.clock = clock;
        this.baseUrl = baseUrl;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }

    private static InvalidInputException problem(String key) {
        return new InvalidInputException(Map.of("session", key));
    }

    /** Sessions in the trainer's municipality (admins: all), ending after {@code from} (null: all). */
    @Transactional(readOnly = true)
    @RolesAllowed({Role.TRAINER_ROLE, Role.LEAD_ROLE, Role.ADMIN_ROLE})
    public List<TrainingSession> visible(boolean includePast) {
        SignedInUser user = currentUser.require();
        OffsetDateTime from = includePast ? null : now();
        if (user.isAdmin()) {
            return sessions.inMunicipality(null, from);
        }
        return user.municipalityId() == null ? List.of() : sessions.inMunicipality(user.municipalityId(), from);
    }

    /** One session the trainer may manage. */
    @Transactional(readOnly = true)
    @RolesAllowed({Role.TRAINER_ROLE, Role.LEAD_ROLE, Role.ADMIN_ROLE})
    public TrainingSession get(SessionId sessionId) {
        TrainingSession session = sessions.find(sessionId).orElseThrow(() -> new AccessDeniedException("No such session"));
        requireScope(session.municipalityId());
        return session;
    }

    private void requireScope(MunicipalityId municipalityId) {
        SignedInUser user = currentUser.require();
        if (!user.isAdmin() && !Objects.equals(user.municipalityId(), municipalityId)) {
            // The same words as for an id that does not exist: an outsider must not learn which ids do.
            throw new AccessDeniedException("No such session");
        }
    }

    /**
     * Changing or cancelling a session is for its own trainers, whoever planned it, the municipality's lead and
     * admins; another trainer of the municipality sees it (to stand in at the door) but cannot move or cancel it.
     */
    @Transactional(readOnly = true)
    @RolesAllowed({Role.TRAINER_ROLE, Role.LEAD_ROLE, Role.ADMIN_ROLE})
    public boolean mayChange(SessionId sessionId) {
        try {
            requireChangeable(sessionId);
            return true;
        } catch (AccessDeniedException e) {
            return false;
        }
    }

    private TrainingSession requireChangeable(SessionId sessionId) {
        TrainingSession session = get(sessionId);
        SignedInUser user = currentUser.require();
        if (!user.isAdmin() && !user.has(Role.COALITION_LEAD) && !session.trainerIds().contains(user.accountId())
                && !sessions.plannedBy(sessionId, user.accountId())) {
            throw new AccessDeniedException("Not one of the session's trainers");
        }
        return session;
    }

    /**
     * People who can be put on a session as its trainer in a municipality: trainers qualified today, and
     * candidates who may give their first session beside a qualified trainer (issue 20).
     */
    @Transactional(readOnly = true)
    @RolesAllowed({Role.TRAINER_ROLE, Role.LEAD_ROLE, Role.ADMIN_ROLE})
    public Map<PersonId, String> trainers(MunicipalityId municipalityId) {
        requireScope(municipalityId);
        Map<PersonId, String> all = sessions.trainersIn(municipalityId);
        Map<PersonId, TrainerQualifications.Standing> standing = standing(municipalityId, all.keySet());
        Map<PersonId, String> eligible = new java.util.LinkedHashMap<>();
        all.forEach((id, name) -> {
            TrainerQualifications.Standing s = standing.get(id);
            if (s != null && (s.qualified() || s.candidate())) {
                eligible.put(id, name);
            }
        });
        return eligible;
    }

    private Map<PersonId, TrainerQualifications.Standing> standing(MunicipalityId municipalityId, java.util.Collection<PersonId> people) {
        return qualifications.standing(municipalityId, List.copyOf(people), LocalDate.now(clock.withZone(SessionTimes.ZONE)));
    }

    /** A trainer on a draft whose qualification ends on or before the session's day. */
    public record TrainerWarning(PersonId trainerId, String name, LocalDate validUntil) {
    }

    /**
     * Trainers of the draft whose qualification ends on or before its date: planning goes ahead (they are
     * qualified today), the planner is warned to have it renewed or find another trainer in time.
     */
    @Transactional(readOnly = true)
    @RolesAllowed({Role.TRAINER_ROLE, Role.LEAD_ROLE, Role.ADMIN_ROLE})
    public List<TrainerWarning> trainerWarnings(SessionDraft draft) {
        MunicipalityId municipalityId = draft.getMunicipalityId() != null ? draft.getMunicipalityId() : currentUser.require().municipalityId();
        if (municipalityId == null || draft.getDate() == null || draft.getTrainerIds().isEmpty()) {
            return List.of();
        }
        requireScope(municipalityId);
        Map<PersonId, String> names = sessions.trainersIn(municipalityId);
        List<TrainerWarning> warnings = new ArrayList<>();
        standing(municipalityId, draft.getTrainerIds()).forEach((person, s) -> {
            if (s.validUntil() != null && !s.validUntil().isAfter(draft.getDate())) {
                warnings.add(new TrainerWarning(person, names.getOrDefault(person, ""), s.validUntil()));
            }
        });
        return warnings;
    }

    /** Organisations a session in this municipality can be closed for. */
    @Transactional(readOnly = true)
    @RolesAllowed({Role.TRAINER_ROLE, Role.LEAD_ROLE, Role.ADMIN_ROLE})
    public Map<OrganisationId, String> organisations(MunicipalityId municipalityId) {
        requireScope(municipalityId);
        return people.organisationsIn(municipalityId);
    }

    /** Training modules a session can belong to: id to title in the given language. */
    @Transactional(readOnly = true)
    @RolesAllowed({Role.TRAINER_ROLE, Role.LEAD_ROLE, Role.ADMIN_ROLE})
    public Map<String, String> moduleTitles(Locale locale) {
        return moduleTitles.all(locale);
    }

    /** A new draft for the signed-in trainer: own municipality, themselves as trainer. */
    @RolesAllowed({Role.TRAINER_ROLE, Role.LEAD_ROLE, Role.ADMIN_ROLE})
    public SessionDraft newDraft() {
        SignedInUser user = currentUser.require();
        SessionDraft draft = new SessionDraft().setMunicipalityId(user.municipalityId());
        // Only a trainer qualified today is put on their own new session; the form lists the others.
        if (user.has(Role.TRAINER) && user.municipalityId() != null && Optional.ofNullable(
                standing(user.municipalityId(), List.of(user.accountId())).get(user.accountId()))
                .filter(TrainerQualifications.Standing::qualified).isPresent()) {
            draft.getTrainerIds().add(user.accountId());
        }
        return draft;
    }

    private Times validate(SessionDraft draft, boolean isNew) {
        new InvalidInputException.Checks()
                .require("title", draft.getTitle())
                .length("title", draft.getTitle(), 2, 150)
                .singleLine("title", draft.getTitle())
                .require("date", draft.getDate())
                .require("startTime", draft.getStartTime())
                .require("endTime", draft.getEndTime())
                .require("capacity", draft.getCapacity())
                .require("municipality", draft.getMunicipalityId())
                .fail("endTime", "session.end-before-start", draft.getStartTime() != null && draft.getEndTime() != null
                        && !draft.getEndTime().isAfter(draft.getStartTime()))
                .fail("capacity", "session.capacity-range", draft.getCapacity() != null
                        && (draft.getCapacity() < 1 || draft.getCapacity() > 500))
                .fail("minParticipants", "session.minimum-range", draft.getMinParticipants() != null
                        && draft.getCapacity() != null && (draft.getMinParticipants() < 1
                        || draft.getMinParticipants() > draft.getCapacity()))
                .fail("location", "session.place-required", blank(draft.getLocation()) && blank(draft.getOnlineUrl()))
                .length("location", draft.getLocation(), 2, 300)
                .singleLine("location", draft.getLocation())
                .fail("onlineUrl", "session.online-url-invalid", !blank(draft.getOnlineUrl())
                        && !draft.getOnlineUrl().trim().matches("^https://[^\\s]+$"))
                .singleLine("onlineUrl", draft.getOnlineUrl())
                .length("accreditationNumber", draft.getAccreditationNumber(), 1, 50)
                .singleLine("accreditationNumber", draft.getAccreditationNumber())
                .length("notes", draft.getNotes(), 1, 4000)
                .multiLine("notes", draft.getNotes())
                .fail("deadlineDaysBefore", "session.deadline-range", draft.getDeadlineDaysBefore() < 0
                        || draft.getDeadlineDaysBefore() > 60)
                .fail("goNoGoDays", "session.go-no-go-range", draft.getGoNoGoDays() < 1 || draft.getGoNoGoDays() > 60)
                .throwIfAny();
        ZonedDateTime start = draft.getDate().atTime(draft.getStartTime()).atZone(SessionTimes.ZONE);
        ZonedDateTime end = draft.getDate().atTime(draft.getEndTime()).atZone(SessionTimes.ZONE);
        ZonedDateTime deadline = draft.getDeadlineDaysBefore() == 0 ? start
                : draft.getDate().minusDays(draft.getDeadlineDaysBefore()).atTime(23, 59).atZone(SessionTimes.ZONE);
        if (deadline.isAfter(start)) {
            deadline = start;
        }
        new InvalidInputException.Checks()
                .fail("date", "session.in-the-past", isNew && !start.toOffsetDateTime().isAfter(now()))
                .throwIfAny();
        return new Times(start.toOffsetDateTime(), end.toOffsetDateTime(), deadline.toOffsetDateTime());
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    /**
     * @param onTheSession trainers the session already has: they stay on it even when their qualification
     *                     lapsed meanwhile (nothing planned is taken away silently; the lead sees a list)
     */
    private void checkRelations(SessionDraft draft, java.util.Set<PersonId> onTheSession) {
        requireScope(draft.getMunicipalityId());
        checkRelationsInScope(draft, onTheSession);
    }

    private void checkRelationsInScope(SessionDraft draft, java.util.Set<PersonId> onTheSession) {
        Map<PersonId, String> allowed = sessions.trainersIn(draft.getMunicipalityId());
        if (!allowed.keySet().containsAll(draft.getTrainerIds())) {
            throw new InvalidInputException(Map.of("trainers", "session.trainer-invalid"));
        }
        // Server-side, not just the form's list: only a qualified trainer is put on a session, or a candidate
        // giving their first session beside one (issue 20).
        Map<PersonId, TrainerQualifications.Standing> standing = standing(draft.getMunicipalityId(), draft.getTrainerIds());
        boolean candidateAdded = false;
        for (PersonId trainer : draft.getTrainerIds()) {
            if (onTheSession.contains(trainer)) {
                continue;
            }
            TrainerQualifications.Standing s = standing.get(trainer);
            if (s == null || !s.qualified() && !s.candidate()) {
                throw new InvalidInputException(Map.of("trainers", "session.trainer-not-qualified"));
            }
            candidateAdded |= !s.qualified();
        }
        if (candidateAdded && standing.values().stream().noneMatch(TrainerQualifications.Standing::qualified)) {
            throw new InvalidInputException(Map.of("trainers", "session.candidate-needs-qualified"));
        }
        if (draft.getOrganisationId() != null) {
            boolean inMunicipality = people.organisationMunicipality(draft.getOrganisationId())
                    .filter(m -> m.equals(draft.getMunicipalityId())).isPresent();
            if (!inMunicipality) {
                throw new InvalidInputException(Map.of("organisation", "session.organisation-invalid"));
            }
        }
    }

    /** Plans one session; people on the municipality's interest list get a mail. */
    @Transactional
    @RolesAllowed({Role.TRAINER_ROLE, Role.LEAD_ROLE, Role.ADMIN_ROLE})
    public SessionId create(SessionDraft draft) {
        defaultMunicipality(draft);
        Times times = validate(draft, true);
        checkRelations(draft, java.util.Set.of());
        SessionId id = sessions.insert(draft, times, null, currentUser.require().accountId(), now());
        tellInterested(id);
        return id;
    }

    /**
     * Plans a closed session agreed through a training request (issue 20): its trainer proposed it and the lead or the
     * requester accepted it, maybe through a mailed link without anyone signed in. The requests feature checks who may
     * accept; the session's own rules (times, place, a qualified trainer, the organisation in the municipality) are
     * checked here as for any session.
     */
    @Transactional
    public SessionId createAgreed(SessionDraft draft, PersonId plannedBy) {
        if (draft.getOrganisationId() == null || draft.getMunicipalityId() == null) {
            throw new IllegalArgumentException("An agreed session is closed for an organisation of a municipality");
        }
        Times times = validate(draft, true);
        checkRelationsInScope(draft, java.util.Set.of());
        SessionId id = sessions.insert(draft, times, null, plannedBy, now());
        tellInterested(id);
        return id;
    }

    /**
     * Plans a series from one template: one session per date of the rule, sharing a series id, each
     * editable on its own afterwards. Nothing is saved when any date is invalid.
     */
    @Transactional
    @RolesAllowed({Role.TRAINER_ROLE, Role.LEAD_ROLE, Role.ADMIN_ROLE})
    public List<SessionId> createSeries(SessionDraft template, SeriesRule rule) {
        defaultMunicipality(template);
        List<LocalDate> dates = rule.dates().stream()
                .filter(d -> template.getStartTime() == null
                        || d.atTime(template.getStartTime()).atZone(SessionTimes.ZONE).toOffsetDateTime().isAfter(now()))
                .toList();
        if (dates.isEmpty()) {
            throw new InvalidInputException(Map.of("until", "series.no-dates"));
        }
        validate(template.onDate(dates.getFirst()), true);
        checkRelations(template, java.util.Set.of());
        List<SessionId> ids = new ArrayList<>();
        Long seriesId = null;
        for (LocalDate date : dates) {
            SessionDraft occurrence = template.onDate(date);
            SessionId id = sessions.insert(occurrence, validate(occurrence, true), seriesId, currentUser.require().accountId(), now());
            if (seriesId == null) {
                seriesId = id.value();
                sessions.setSeries(id, seriesId);
            }
            ids.add(id);
        }
        tellInterested(ids.getFirst());
        return ids;
    }

    /** Staff plan in their own municipality unless they say otherwise (admins must choose). */
    private void defaultMunicipality(SessionDraft draft) {
        if (draft.getMunicipalityId() == null) {
            draft.setMunicipalityId(currentUser.require().municipalityId());
        }
    }

    private void tellInterested(SessionId sessionId) {
        TrainingSession session = sessions.find(sessionId).orElseThrow();
        for (PersonId userId : interests.takeAll(session.municipalityId())) {
            Optional<PersonLookup.Person> person = people.find(userId);
            // A closed session is no news for people outside its organisation: they stay on the list.
            if (session.isClosed() && person.map(p -> !Objects.equals(p.organisationId(), session.organisationId())).orElse(true)) {
                interests.add(userId, session.municipalityId(), now());
                continue;
            }
            mails.newSessionPlanned(session, userId);
        }
    }

    /**
     * Changes one session. Everyone with a place hears about a new time or place, with an updated
     * calendar entry; more seats go to the waitlist at once. Fewer seats than already taken is refused.
     */
    @Transactional
    @RolesAllowed({Role.TRAINER_ROLE, Role.LEAD_ROLE, Role.ADMIN_ROLE})
    public void update(SessionDraft draft) {
        TrainingSession before = requireChangeable(draft.getId());
        if (before.isCancelled()) {
            throw problem("session.is-cancelled");
        }
        draft.setMunicipalityId(before.municipalityId());
        Times times = validate(draft, false);
        checkRelations(draft, java.util.Set.copyOf(before.trainerIds()));
        LockedSession locked = seats.lockOpenForChanges(draft.getId());
        int taken = sessions.seatsHeld(draft.getId());
        if (draft.getCapacity() < taken) {
            throw new InvalidInputException(Map.of("capacity", "session.capacity-below-taken"));
        }
        sessions.update(draft, times, now());
        TrainingSession after = sessions.find(draft.getId()).orElseThrow();
        boolean moved = !before.startsAt().isEqual(after.startsAt()) || !before.endsAt().isEqual(after.endsAt())
                || !Objects.equals(before.place(), after.place());
        if (moved) {
            registrations.audit(after.id(), null, null, currentUser.require().accountId(), "SESSION_MOVED", null,
                    before.startsAt() + " -> " + after.startsAt(), now());
            mails.sessionMoved(after, registrations.liveForSession(after.id()));
        }
        if (draft.getCapacity() > before.capacity()) {
            seats.promote(sessions.lock(after.id()).orElse(locked), now());
        }
    }

    /** Cancels a session: every place ends, everyone is told, with the next occurrence if there is one. */
    @Transactional
    @RolesAllowed({Role.TRAINER_ROLE, Role.LEAD_ROLE, Role.ADMIN_ROLE})
    public void cancel(SessionId sessionId) {
        requireChangeable(sessionId);
        cancelSession(sessionId, currentUser.require().accountId());
    }

    private void cancelSession(SessionId sessionId, PersonId actorId) {
        LockedSession locked = sessions.lock(sessionId).orElseThrow();
        if (locked.status() == TrainingSession.Status.CANCELLED) {
            return;
        }
        // An old go/no-go mail, or a late click, must not undo a session that took place.
        if (!TrainingSession.cancellable(locked.status(), locked.startsAt(), now())) {
            throw problem("session.already-started");
        }
        List<Row> affected = registrations.liveForSession(sessionId);
        for (Row row : affected) {
            registrations.setStatus(row.id(), RegistrationStatus.SESSION_CANCELLED, now());
        }
        sessions.markCancelled(sessionId, now());
        events.publishEvent(new SessionCancelled(sessionId));
        registrations.audit(sessionId, null, null, actorId, "SESSION_CANCELLED", null, affected.size() + " places", now());
        TrainingSession session = sessions.find(sessionId).orElseThrow();
        TrainingSession next = sessions.inMunicipality(session.municipalityId(), now()).stream()
                .filter(s -> !s.id().equals(sessionId) && !s.isCancelled() && s.startsAt().isAfter(now())
                        && Objects.equals(s.organisationId(), session.organisationId())
                        && (Objects.equals(s.seriesId(), session.seriesId()) && s.seriesId() != null
                            || s.title().equalsIgnoreCase(session.title())))
                .findFirst().orElse(null);
        mails.sessionCancelled(session, affected, next);
    }

    /** Whether the session can still be cancelled now: before its start, and not cancelled already. */
    public boolean cancellable(TrainingSession session) {
        return session.cancellable(now());
    }

    /** The session behind a go/no-go mail's one-click cancel link; the link is the trainer's proof. */
    @Transactional(readOnly = true)
    public Optional<TrainingSession> sessionForCancelLink(String token) {
        if (!SecretTokens.looksValid(token)) {
            return Optional.empty();
        }
        return sessions.findByCancelToken(SecretTokens.hash(token)).flatMap(sessions::find);
    }

    @Transactional
    public void cancelByLink(String token) {
        TrainingSession session = sessionForCancelLink(token).orElseThrow(() -> problem("session.link-unknown"));
        cancelSession(session.id(), null);
    }

    /** Everyone with a place (and anyone with recorded attendance), in arrival order. */
    @Transactional(readOnly = true)
    @RolesAllowed({Role.TRAINER_ROLE, Role.LEAD_ROLE, Role.ADMIN_ROLE})
    public List<SessionParticipant> participants(SessionId sessionId) {
        get(sessionId);
        List<SessionParticipant> participants = registrations.participants(sessionId);
        events.publishEvent(new PersonalDataAccessed(PersonalDataAccessed.Action.VIEWED,
                participants.stream().map(SessionParticipant::userId).toList(), "session-participants:" + sessionId));
        return participants;
    }

    /**
     * Records attendance; the same value twice is harmless. The first "present" publishes
     * {@link SessionAttended}. Allowed from an hour before the start.
     */
    @Transactional
    @RolesAllowed({Role.TRAINER_ROLE, Role.LEAD_ROLE, Role.ADMIN_ROLE})
    public void markAttendance(RegistrationId registrationId, Attendance attendance) {
        Row row = registrations.find(registrationId).orElseThrow(() -> new AccessDeniedException("No such registration"));
        TrainingSession session = get(row.sessionId());
        if (attendance == null) {
            throw new InvalidInputException(Map.of("attendance", "validation.required"));
        }
        if (row.status() != RegistrationStatus.CONFIRMED) {
            throw problem("attendance.not-confirmed");
        }
        if (now().isBefore(session.startsAt().minusHours(1))) {
            throw problem("attendance.too-early");
        }
        record(row, session, attendance, currentUser.require().accountId());
        events.publishEvent(PersonalDataAccessed.of(PersonalDataAccessed.Action.CHANGED, row.userId(),
                "session-attendance:" + session.id() + ":" + attendance));
    }

    private void record(Row row, TrainingSession session, Attendance attendance, PersonId actorId) {
        Optional<Attendance> before = registrations.setAttendance(row.id(), attendance, now());
        if (before.orElse(null) != attendance) {
            registrations.audit(session.id(), row.id(), row.userId(), actorId, "ATTENDANCE_" + attendance, row.arrival(),
                    null, now());
        }
        if (attendance == Attendance.PRESENT && before.orElse(null) != Attendance.PRESENT) {
            events.publishEvent(new SessionAttended(row.userId(), session.id(), session.moduleIds(), session.startsAt(), now()));
        }
    }

    /** A walk-in added at the door: their place (present) and whether their e-mail address named an existing account. */
    public record WalkInAdded(RegistrationId registrationId, PersonId personId, boolean existingAccount) {
    }

    /**
     * Adds someone at the door (issue 20): a new account with name and organisation, e-mail optional (an address
     * that has an account means that account), a seat even when the session is full (they are there: the capacity
     * grows by one), and present at once, which completes an attendance-only path in this transaction. Allowed
     * from an hour before the start, like recording attendance; not at a cancelled session.
     */
    @Transactional
    @RolesAllowed({Role.TRAINER_ROLE, Role.LEAD_ROLE, Role.ADMIN_ROLE})
    public WalkInAdded addWalkIn(SessionId sessionId, WalkIns.WalkIn walkIn) {
        TrainingSession session = get(sessionId);
        if (session.isCancelled()) {
            throw problem("session.is-cancelled");
        }
        if (now().isBefore(session.startsAt().minusHours(1))) {
            throw problem("attendance.too-early");
        }
        PersonId actor = currentUser.require().accountId();
        WalkIns.Added added = walkIns.add(walkIn, session.municipalityId());
        PersonId personId = added.personId();
        Optional<Row> live = registrations.findLive(sessionId, personId);
        Row row;
        if (live.isPresent() && live.get().status() == RegistrationStatus.CONFIRMED) {
            row = live.get();
        } else {
            JooqSessionRepository.LockedForArrivals locked = sessions.lockForArrivals(sessionId, 1)
                    .orElseThrow(() -> problem("session.unknown"));
            if (locked.seatsHeld() >= locked.session().capacity()) {
                sessions.raiseCapacity(sessionId, locked.seatsHeld() + 1, now());
            }
            if (live.isPresent()) {
                // Waiting or offered: at the door they get the seat.
                registrations.setStatus(live.get().id(), RegistrationStatus.CONFIRMED, now());
                registrations.audit(sessionId, live.get().id(), personId, actor, "WALK_IN_CONFIRMED", live.get().arrival(), null, now());
                row = registrations.find(live.get().id()).orElseThrow();
            } else {
                RegistrationId id = registrations.insertUnlessLive(sessionId, personId, RegistrationStatus.CONFIRMED,
                        locked.lastArrival(), actor, "WALK_IN", now()).orElseThrow();
                row = registrations.find(id).orElseThrow();
            }
        }
        record(row, session, Attendance.PRESENT, actor);
        events.publishEvent(PersonalDataAccessed.of(PersonalDataAccessed.Action.CHANGED, personId, "session-walk-in:" + sessionId));
        return new WalkInAdded(row.id(), added.personId(), added.existingAccount());
    }

    /** Organisations a walk-in can belong to: those of the session's municipality, by name. */
    @Transactional(readOnly = true)
    @RolesAllowed({Role.TRAINER_ROLE, Role.LEAD_ROLE, Role.ADMIN_ROLE})
    public Map<OrganisationId, String> walkInOrganisations(SessionId sessionId) {
        return people.organisationsIn(get(sessionId).municipalityId());
    }

    /**
     * An evaluation on paper, typed in by the trainer for someone present (a walk-in without e-mail, or anyone who
     * filled in the paper form): the same questions, marked as on paper and by whom. Once per registration.
     */
    @Transactional
    @RolesAllowed({Role.TRAINER_ROLE, Role.LEAD_ROLE, Role.ADMIN_ROLE})
    public void enterPaperEvaluation(RegistrationId registrationId, Integer score, String doDifferently, String comment) {
        Row row = registrations.find(registrationId).orElseThrow(() -> new AccessDeniedException("No such registration"));
        TrainingSession session = get(row.sessionId());
        RegistrationService.checkEvaluation(score, doDifferently, comment);
        if (row.attendance() != Attendance.PRESENT) {
            throw problem("evaluation.not-attended");
        }
        if (now().isBefore(session.startsAt())) {
            throw problem("evaluation.too-early");
        }
        PersonId actor = currentUser.require().accountId();
        if (!registrations.savePaperEvaluation(registrationId, score, doDifferently.trim(),
                comment == null || comment.isBlank() ? null : comment.trim(), actor, now())) {
            throw problem("evaluation.already");
        }
        registrations.audit(session.id(), registrationId, row.userId(), actor, "PAPER_EVALUATION", row.arrival(), null, now());
        events.publishEvent(new SessionEvaluated(row.sessionId(), registrationId));
    }

    /** Registrations of the session that have an evaluation (online or on paper). */
    @Transactional(readOnly = true)
    @RolesAllowed({Role.TRAINER_ROLE, Role.LEAD_ROLE, Role.ADMIN_ROLE})
    public java.util.Set<RegistrationId> evaluatedRegistrations(SessionId sessionId) {
        get(sessionId);
        return registrations.evaluated(sessionId);
    }

    /** A check-in link and its QR code (PNG), valid only during the session window. */
    public record CheckInCode(String link, byte[] png) {
    }

    /** A fresh check-in code for the session; earlier codes stop working. */
    @Transactional
    @RolesAllowed({Role.TRAINER_ROLE, Role.LEAD_ROLE, Role.ADMIN_ROLE})
    public CheckInCode newCheckInCode(SessionId sessionId) {
        get(sessionId);
        String token = SecretTokens.newToken();
        sessions.setCheckinToken(sessionId, SecretTokens.hash(token));
        String link = baseUrl + "/inchecken/" + token;
        return new CheckInCode(link, QrCodeImage.png(link, 480));
    }

    /**
     * {@code ARRIVED_EARLY}: scanned before the start, present once the session begins;
     * {@code RECORDED_BY_TRAINER}: the trainer already recorded this person's attendance, which stays.
     */
    public enum CheckInResult { CHECKED_IN, ARRIVED_EARLY, ALREADY_CHECKED_IN, RECORDED_BY_TRAINER, NOT_REGISTERED, OUTSIDE_WINDOW, UNKNOWN_CODE }

    /**
     * The signed-in participant scanned the session's QR code. Before the start it counts as arrival
     * only: being present (and what it completes) follows when the session begins (see
     * {@link #confirmEarlyArrivals}). What the trainer recorded is never overwritten.
     */
    @Transactional
    @PermitAll
    public CheckInResult checkIn(String token) {
        if (!SecretTokens.looksValid(token)) {
            return CheckInResult.UNKNOWN_CODE;
        }
        Optional<TrainingSession> found = sessions.findByCheckinToken(SecretTokens.hash(token)).flatMap(sessions::find);
        if (found.isEmpty() || found.get().isCancelled()) {
            return CheckInResult.UNKNOWN_CODE;
        }
        TrainingSession session = found.get();
        if (now().isBefore(session.startsAt().minus(CHECK_IN_BEFORE)) || now().isAfter(session.endsAt().plus(CHECK_IN_AFTER))) {
            return CheckInResult.OUTSIDE_WINDOW;
        }
        PersonId me = currentUser.require().accountId();
        Optional<Row> row = registrations.findLive(session.id(), me).filter(r -> r.status() == RegistrationStatus.CONFIRMED);
        if (row.isEmpty()) {
            return CheckInResult.NOT_REGISTERED;
        }
        if (row.get().attendance() == Attendance.PRESENT) {
            return CheckInResult.ALREADY_CHECKED_IN;
        }
        if (row.get().attendance() != null) {
            return CheckInResult.RECORDED_BY_TRAINER;
        }
        registrations.markCheckedIn(row.get().id(), now());
        if (now().isBefore(session.startsAt())) {
            return CheckInResult.ARRIVED_EARLY;
        }
        record(row.get(), session, Attendance.PRESENT, me);
        return CheckInResult.CHECKED_IN;
    }

    /**
     * Makes everyone who checked in before the start present once the session has begun (unless the
     * trainer recorded otherwise meanwhile). Run by the session jobs; needs no signed-in person.
     *
     * @return how many became present
     */
    @Transactional
    public int confirmEarlyArrivals() {
        int confirmed = 0;
        for (RegistrationId id : registrations.earlyArrivalsDue(now())) {
            Row row = registrations.find(id).orElseThrow();
            TrainingSession session = sessions.find(row.sessionId()).orElseThrow();
            if (row.attendance() == null && !now().isBefore(session.startsAt())) {
                record(row, session, Attendance.PRESENT, row.userId());
                confirmed++;
            }
        }
        return confirmed;
    }

    /** The presence list to print: confirmed participants with organisation and an empty signature column. */
    @Transactional(readOnly = true)
    @RolesAllowed({Role.TRAINER_ROLE, Role.LEAD_ROLE, Role.ADMIN_ROLE})
    public byte[] presenceListPdf(SessionId sessionId, Locale locale) {
        TrainingSession session = get(sessionId);
        List<SessionParticipant> confirmed = registrations.participants(sessionId).stream()
                .filter(p -> p.status() == RegistrationStatus.CONFIRMED).toList();
        events.publishEvent(new PersonalDataAccessed(PersonalDataAccessed.Action.EXPORTED,
                confirmed.stream().map(SessionParticipant::userId).toList(), "session-presence-list:" + sessionId));
        return presenceList.render(session, confirmed, locale);
    }

    /** The accreditation number PE-online gave the session, if any. */
    @Transactional(readOnly = true)
    @RolesAllowed({Role.TRAINER_ROLE, Role.LEAD_ROLE, Role.ADMIN_ROLE})
    public Optional<String> accreditationNumber(SessionId sessionId) {
        get(sessionId);
        return sessions.accreditationNumber(sessionId);
    }

    /**
     * The attendance file for PE-online: everyone present who gave a BIG or register number with consent
     * ({@link PeOnlineAttendance}). For the session's own trainers, its planner, the lead and admins; the export of
     * those numbers is in the audit log.
     *
     * @param included        people in the file
     * @param withoutNumber   people present who gave no number (they get no points through this file)
     */
    public record PeOnlineFile(byte[] csv, String fileName, int included, int withoutNumber) {
    }

    @Transactional(readOnly = true)
    @RolesAllowed({Role.TRAINER_ROLE, Role.LEAD_ROLE, Role.ADMIN_ROLE})
    public PeOnlineFile peOnlineAttendance(SessionId sessionId) {
        TrainingSession session = requireChangeable(sessionId);
        String accreditation = sessions.accreditationNumber(sessionId).orElseThrow(() -> problem("session.accreditation.missing"));
        List<SessionParticipant> present = registrations.participants(sessionId).stream()
                .filter(p -> p.attendance() == Attendance.PRESENT).toList();
        var numbers = people.registrations(present.stream().map(SessionParticipant::userId).toList());
        events.publishEvent(new PersonalDataAccessed(PersonalDataAccessed.Action.EXPORTED, numbers.keySet(),
                "session-pe-online:" + sessionId));
        return new PeOnlineFile(PeOnlineAttendance.csv(session, accreditation, present, numbers),
                "pe-online-presentie-" + sessionId + ".csv", numbers.size(), present.size() - numbers.size());
    }

    @Transactional(readOnly = true)
    @RolesAllowed({Role.TRAINER_ROLE, Role.LEAD_ROLE, Role.ADMIN_ROLE})
    public EvaluationSummary evaluations(SessionId sessionId) {
        get(sessionId);
        List<EvaluationRow> rows = registrations.evaluations(sessionId);
        Double average = rows.isEmpty() ? null : rows.stream().mapToInt(EvaluationRow::score).average().orElseThrow();
        return new EvaluationSummary(rows.size(), average, rows.stream().map(EvaluationRow::doDifferently).toList(),
                rows.stream().map(EvaluationRow::comment).filter(Objects::nonNull).toList());
    }
}
