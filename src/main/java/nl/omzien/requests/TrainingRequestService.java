package nl.omzien.requests;

import jakarta.annotation.security.RolesAllowed;
import nl.omzien.base.InvalidInputException;
import nl.omzien.base.MunicipalityId;
import nl.omzien.base.OrganisationId;
import nl.omzien.base.PersonId;
import nl.omzien.base.SecretTokens;
import nl.omzien.base.Translations;
import nl.omzien.onboarding.InviteLinkService;
import nl.omzien.people.Audience;
import nl.omzien.people.Municipality;
import nl.omzien.people.Organisation;
import nl.omzien.people.OrganisationDirectory;
import nl.omzien.requests.internal.JooqRequestRepository;
import nl.omzien.requests.internal.JooqRequestRepository.Row;
import nl.omzien.requests.internal.RequestMails;
import nl.omzien.requests.internal.RequestMails.Step;
import nl.omzien.requests.internal.RequestThrottle;
import nl.omzien.requests.internal.db.tables.records.TrainingRequestRecord;
import nl.omzien.security.CurrentUser;
import nl.omzien.security.Role;
import nl.omzien.security.SignedInUser;
import nl.omzien.sessions.SessionDraft;
import nl.omzien.sessions.SessionId;
import nl.omzien.sessions.SessionService;
import nl.omzien.sessions.SessionTimes;
import nl.omzien.sessions.TrainerQualifications;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import java.text.Normalizer;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Trainings on request (issue 20). Anyone may ask through the municipality's public form (throttled per IP
 * address), an organisation contact from their account; the coalition lead of the municipality (admins: any)
 * assigns a qualified trainer or declines with a reason; the assigned trainer, and only they, proposes a date;
 * the lead, or the requester through the mailed link, accepts it, which plans a closed session for the
 * organisation with a seat for each person. Every step mails the requester and is logged with the request.
 * Two people acting on the same request at once: the first wins, the other gets {@code requests.changed-meanwhile}.
 */
@Service
public class TrainingRequestService {

    private static final Logger log = LoggerFactory.getLogger(TrainingRequestService.class);

    public static final int MAX_PEOPLE = 500;
    /** What a group training on request covers: recognising and starting the conversation (path signaleerder-groep). */
    public static final List<String> TOPICS = List.of("herkennen", "gesprek");

    private final JooqRequestRepository repository;
    private final RequestMails mails;
    private final RequestThrottle throttle;
    private final OrganisationDirectory organisations;
    private final SessionService sessions;
    private final TrainerQualifications qualifications;
    private final InviteLinkService invites;
    private final CurrentUser currentUser;
    private final Translations translations;
    private final Clock clock;
    private final int retentionMonths;
    private final String baseUrl;
    private final TransactionTemplate storing;

    TrainingRequestService(JooqRequestRepository repository, RequestMails mails, RequestThrottle throttle,
                           OrganisationDirectory organisations, SessionService sessions, TrainerQualifications qualifications,
                           InviteLinkService invites, CurrentUser currentUser, Translations translations, Clock clock,
                           @Value("${omzien.base-url}") String baseUrl,
                           @Value("${omzien.requests.retention-months:12}") int retentionMonths,
                           PlatformTransactionManager transactionManager) {
        this.storing = new TransactionTemplate(transactionManager);
        if (retentionMonths < 1) {
            throw new IllegalArgumentException("omzien.requests.retention-months must be at least 1");
        }
        this.retentionMonths = retentionMonths;
        this.repository = repository;
        this.mails = mails;
        this.throttle = throttle;
        this.organisations = organisations;
        this.sessions = sessions;
        this.qualifications = qualifications;
        this.invites = invites;
        this.currentUser = currentUser;
        this.translations = translations;
        this.clock = clock;
        this.baseUrl = baseUrl.replaceAll("/+$", "");
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(SessionTimes.ZONE));
    }

    // --- asking ---

    /** The part of a public form's address that names the municipality: "Coevorden" is {@code coevorden}. */
    public static String slug(String name) {
        return nl.omzien.base.Slugs.of(name);
    }

    /**
     * How many months after its last step a request made without an account keeps the requester's data
     * ({@code RequestRetention}); the public form tells the requester.
     */
    public int retentionMonths() {
        return retentionMonths;
    }

    /** The municipality a public form address names; empty for an unknown one. Needs nobody signed in. */
    @Transactional(readOnly = true)
    public Optional<Municipality> municipalityBySlug(String slug) {
        return slug == null ? Optional.empty() : repository.municipalities().stream()
                .filter(m -> slug(m.name()).equals(slug)).findFirst();
    }

    /** Every municipality, for links to their public forms. */
    @Transactional(readOnly = true)
    public List<Municipality> municipalities() {
        return repository.municipalities();
    }

    /**
     * A request through the public form. The answer is the same for everyone: over the per-IP limit the request is
     * still kept, marked held and without a mail (decision 024); a flood beyond a day's cap is dropped and logged.
     *
     * The throttle comes first, with no transaction around it: a flood waiting for throttle slots must not hold
     * pooled connections (decision 021); the request is stored in a transaction of its own afterwards.
     *
     * @throws InvalidInputException with a message key per field for bad input (nothing is stored)
     */
    public void submitPublic(MunicipalityId municipality, RequestDraft draft, Locale locale, String ipAddress) {
        validate(draft);
        if (municipality == null || repository.municipalities().stream().noneMatch(m -> m.id().equals(municipality))) {
            throw new InvalidInputException(Map.of("municipality", "requests.municipality-unknown"));
        }
        // Stored and counted by network, as the throttle counts: an IPv6 /64 is one sender.
        String ip = nl.omzien.security.Throttle.network(ipAddress);
        boolean held = !throttle.tryAcquire(ip, draft.contactEmail().trim());
        if (held && repository.heldFrom(ip, now().minusDays(1)) >= throttle.maxHeldPerDay()) {
            log.warn("Training request form flooded from {}: request dropped", ip);
            return;
        }
        storing.executeWithoutResult(status -> store(municipality, null, draft, locale, null, held, ip));
    }

    /** A request by a signed-in organisation contact for their own organisation; name and address come from the account. */
    @Transactional
    @RolesAllowed(Role.ORG_CONTACT_ROLE)
    public RequestId submitAsContact(RequestDraft draft, Locale locale) {
        SignedInUser user = currentUser.require();
        Organisation organisation = Optional.ofNullable(user.organisationId()).flatMap(organisations::find)
                .orElseThrow(() -> new AccessDeniedException("No organisation"));
        RequestDraft own = new RequestDraft(organisation.name(), draft.audience(), draft.peopleCount(), draft.preferredPeriods(),
                draft.place(), draft.remarks(), user.fullName(), user.email());
        validate(own);
        return store(organisation.municipalityId(), organisation.id(), own, locale, user.accountId(), false, null);
    }

    private RequestId store(MunicipalityId municipality, OrganisationId organisation, RequestDraft draft, Locale locale,
                            PersonId requester, boolean held, String ip) {
        Locale language = Translations.supported(locale == null ? Translations.DUTCH : locale);
        RequestId id = repository.insert(municipality, organisation, draft, language, requester, held, ip, now());
        repository.log(id, requester, held ? "HELD" : "RECEIVED", null, now());
        if (!held) {
            mail(id, Step.RECEIVED);
        }
        return id;
    }

    /** The form's default audience for an organisation contact: their organisation's sector's. */
    @Transactional(readOnly = true)
    @RolesAllowed(Role.ORG_CONTACT_ROLE)
    public Optional<Organisation> ownOrganisation() {
        return Optional.ofNullable(currentUser.require().organisationId()).flatMap(organisations::find);
    }

    private static void validate(RequestDraft d) {
        new InvalidInputException.Checks()
                .require("organisation", d.organisationName())
                .length("organisation", d.organisationName(), 2, 150)
                .singleLine("organisation", d.organisationName())
                .require("audience", d.audience())
                .require("peopleCount", d.peopleCount())
                .fail("peopleCount", "requests.people-range", d.peopleCount() != null && (d.peopleCount() < 1 || d.peopleCount() > MAX_PEOPLE))
                .require("preferredPeriods", d.preferredPeriods())
                .length("preferredPeriods", d.preferredPeriods(), 2, 500)
                .multiLine("preferredPeriods", d.preferredPeriods())
                .require("place", d.place())
                .length("place", d.place(), 2, 300)
                .singleLine("place", d.place())
                .length("remarks", d.remarks(), 0, 2000)
                .multiLine("remarks", d.remarks())
                .require("contactName", d.contactName())
                .length("contactName", d.contactName(), 2, 100)
                .singleLine("contactName", d.contactName())
                .require("contactEmail", d.contactEmail())
                .email("contactEmail", d.contactEmail())
                .throwIfAny();
    }

    // --- the lead ---

    /** The lead's own municipality; an admin may name one or none (all). Anyone else's is refused. */
    private MunicipalityId scope(MunicipalityId municipalityId) {
        SignedInUser user = currentUser.require();
        if (user.isAdmin()) {
            return municipalityId;
        }
        MunicipalityId own = user.municipalityId();
        if (own == null || municipalityId != null && !municipalityId.equals(own)) {
            throw new AccessDeniedException("Not your municipality");
        }
        return own;
    }

    /** A request the signed-in lead (own municipality) or admin may handle; otherwise refused like an unknown id. */
    private Row leadsRequest(RequestId id) {
        Row row = repository.find(id).orElseThrow(() -> new AccessDeniedException("No such request"));
        SignedInUser user = currentUser.require();
        if (!user.isAdmin() && !Objects.equals(user.municipalityId(), row.request().getMunicipalityId())) {
            throw new AccessDeniedException("No such request");
        }
        return row;
    }

    /** Requests of the municipality (admin: null for all), newest first. */
    @Transactional(readOnly = true)
    @RolesAllowed({Role.LEAD_ROLE, Role.ADMIN_ROLE})
    public List<TrainingRequest> requests(MunicipalityId municipalityId) {
        return repository.inMunicipality(scope(municipalityId)).stream().map(this::toRequest).toList();
    }

    /** Requests without an answer for more than {@link WorkingDays#ANSWER_WITHIN} working days: the dashboard's flag. */
    @Transactional(readOnly = true)
    @RolesAllowed({Role.LEAD_ROLE, Role.ADMIN_ROLE})
    public List<TrainingRequest> waitingTooLong(MunicipalityId municipalityId) {
        return repository.awaitingAnswer(scope(municipalityId)).stream().map(this::toRequest)
                .filter(TrainingRequest::waitingTooLong).toList();
    }

    /** The request's log: who did what when. */
    @Transactional(readOnly = true)
    @RolesAllowed({Role.LEAD_ROLE, Role.ADMIN_ROLE})
    public List<JooqRequestRepository.Event> log(RequestId id) {
        leadsRequest(id);
        return repository.events(id);
    }

    /** Trainers of the request's municipality qualified today (the trainers feature decides), by name. */
    @Transactional(readOnly = true)
    @RolesAllowed({Role.LEAD_ROLE, Role.ADMIN_ROLE})
    public Map<PersonId, String> qualifiedTrainers(RequestId id) {
        MunicipalityId municipality = leadsRequest(id).request().getMunicipalityId();
        Map<PersonId, String> all = sessions.trainers(municipality);
        Map<PersonId, TrainerQualifications.Standing> standing = qualifications.standing(municipality, all.keySet(), today());
        Map<PersonId, String> qualified = new LinkedHashMap<>();
        all.forEach((person, name) -> {
            if (standing.containsKey(person) && standing.get(person).qualified()) {
                qualified.put(person, name);
            }
        });
        return qualified;
    }

    /** Organisations of the request's municipality, to link a request from the public form to one. */
    @Transactional(readOnly = true)
    @RolesAllowed({Role.LEAD_ROLE, Role.ADMIN_ROLE})
    public Map<OrganisationId, String> organisations(RequestId id) {
        return sessions.organisations(leadsRequest(id).request().getMunicipalityId());
    }

    /**
     * Assigns a trainer qualified today (again: another trainer, whose proposal then starts afresh). A request from
     * the public form is linked to one of the municipality's organisations here, as the session will be closed for it.
     */
    @Transactional
    @RolesAllowed({Role.LEAD_ROLE, Role.ADMIN_ROLE})
    public void assign(RequestId id, int version, PersonId trainer, OrganisationId organisation) {
        Row row = leadsRequest(id);
        TrainingRequestRecord r = row.request();
        OrganisationId linked = organisation != null ? organisation : r.getOrganisationId();
        new InvalidInputException.Checks()
                .require("trainer", trainer)
                .require("organisation", linked)
                .throwIfAny();
        if (!qualifiedTrainers(id).containsKey(trainer)) {
            throw new InvalidInputException(Map.of("trainer", "requests.trainer-not-qualified"));
        }
        if (!sessions.organisations(r.getMunicipalityId()).containsKey(linked)) {
            throw new InvalidInputException(Map.of("organisation", "requests.organisation-invalid"));
        }
        if (!repository.assign(id, version, trainer, linked, now())) {
            throw changedMeanwhile();
        }
        repository.log(id, currentUser.require().accountId(), "ASSIGNED", "trainer:" + trainer.value(), now());
        mail(id, Step.ASSIGNED);
    }

    /** Declines with a reason the requester reads. */
    @Transactional
    @RolesAllowed({Role.LEAD_ROLE, Role.ADMIN_ROLE})
    public void decline(RequestId id, int version, String reason) {
        leadsRequest(id);
        String cleaned = reason == null ? null : reason.strip();
        new InvalidInputException.Checks()
                .require("reason", cleaned)
                .length("reason", cleaned, 3, 500)
                .multiLine("reason", cleaned)
                .throwIfAny();
        if (!repository.decline(id, version, cleaned, now())) {
            throw changedMeanwhile();
        }
        repository.log(id, currentUser.require().accountId(), "DECLINED", null, now());
        mail(id, Step.DECLINED, cleaned);
    }

    /** Accepts the trainer's proposal for the requester (e.g. agreed by phone): plans the closed session. */
    @Transactional
    @RolesAllowed({Role.LEAD_ROLE, Role.ADMIN_ROLE})
    public SessionId accept(RequestId id, int version) {
        leadsRequest(id);
        int current = repository.lockVersion(id).orElseThrow();
        if (current != version) {
            throw changedMeanwhile();
        }
        return plan(id, currentUser.require().accountId());
    }

    // --- the trainer ---

    /** Requests assigned to the signed-in trainer that are not planned yet. */
    @Transactional(readOnly = true)
    @RolesAllowed({Role.TRAINER_ROLE, Role.LEAD_ROLE, Role.ADMIN_ROLE})
    public List<TrainingRequest> assignedToMe() {
        return repository.assignedTo(currentUser.require().accountId()).stream().map(this::toRequest).toList();
    }

    /** The assigned trainer proposes a date, times and place; the requester gets a mail with a link to accept. */
    @Transactional
    @RolesAllowed({Role.TRAINER_ROLE, Role.LEAD_ROLE, Role.ADMIN_ROLE})
    public void propose(RequestId id, int version, Proposal proposal) {
        PersonId me = currentUser.require().accountId();
        TrainingRequestRecord r = repository.find(id).orElseThrow(() -> new AccessDeniedException("No such request")).request();
        if (!me.equals(r.getTrainerId())) {
            throw new AccessDeniedException("Not assigned to you");
        }
        String place = proposal.place() == null ? null : proposal.place().strip();
        new InvalidInputException.Checks()
                .require("date", proposal.date())
                .require("startTime", proposal.startTime())
                .require("endTime", proposal.endTime())
                .require("place", place)
                .length("place", place, 2, 300)
                .singleLine("place", place)
                .fail("endTime", "session.end-before-start", proposal.startTime() != null && proposal.endTime() != null
                        && !proposal.endTime().isAfter(proposal.startTime()))
                .throwIfAny();
        ZonedDateTime start = proposal.date().atTime(proposal.startTime()).atZone(SessionTimes.ZONE);
        ZonedDateTime end = proposal.date().atTime(proposal.endTime()).atZone(SessionTimes.ZONE);
        new InvalidInputException.Checks()
                .fail("date", "session.in-the-past", !start.toOffsetDateTime().isAfter(now()))
                .throwIfAny();
        String token = SecretTokens.newToken();
        if (!repository.propose(id, version, me, start.toOffsetDateTime(), end.toOffsetDateTime(), place,
                SecretTokens.hash(token), now())) {
            throw changedMeanwhile();
        }
        repository.log(id, me, "PROPOSED", start.toLocalDate().toString(), now());
        Locale locale = localeOf(r);
        mail(id, Step.PROPOSED, date(start, locale), time(start, locale), time(end, locale), place,
                baseUrl + "/training-aanvraag/" + token);
    }

    // --- the requester's link ---

    /** The request behind an accept link while its proposal stands; empty for an unknown, used or replaced link. */
    @Transactional(readOnly = true)
    public Optional<TrainingRequest> proposalFor(String token) {
        if (!SecretTokens.looksValid(token)) {
            return Optional.empty();
        }
        return repository.byTokenHash(SecretTokens.hash(token)).flatMap(repository::find).map(this::toRequest)
                .filter(r -> r.status() == RequestStatus.ASSIGNED && r.hasProposal());
    }

    /** The requester accepts the proposal through the mailed link: plans the closed session. */
    @Transactional
    public SessionId acceptByToken(String token) {
        if (!SecretTokens.looksValid(token)) {
            throw new InvalidInputException(Map.of("token", "requests.link-invalid"));
        }
        RequestId id = repository.byTokenHash(SecretTokens.hash(token))
                .orElseThrow(() -> new InvalidInputException(Map.of("token", "requests.link-invalid")));
        repository.lockVersion(id);
        // Read again under the lock: a lead may have accepted, declined or reassigned meanwhile.
        if (repository.byTokenHash(SecretTokens.hash(token)).isEmpty()) {
            throw new InvalidInputException(Map.of("token", "requests.link-invalid"));
        }
        return plan(id, null);
    }

    /** Under the row lock: the closed session with a seat per person, the request planned, the sign-up link mailed. */
    private SessionId plan(RequestId id, PersonId actor) {
        Row row = repository.find(id).orElseThrow();
        TrainingRequestRecord r = row.request();
        if (!RequestStatus.ASSIGNED.name().equals(r.getStatus()) || r.getProposedStartsAt() == null) {
            throw new InvalidInputException(Map.of("request", "requests.nothing-to-accept"));
        }
        Locale locale = localeOf(r);
        ZonedDateTime start = SessionTimes.local(r.getProposedStartsAt());
        ZonedDateTime end = SessionTimes.local(r.getProposedEndsAt());
        SessionDraft draft = new SessionDraft()
                .setTitle(translations.getTranslation("requests.session-title", locale, r.getOrganisationName()))
                .setModuleIds(new LinkedHashSet<>(TOPICS))
                .setAudience(Audience.valueOf(r.getAudience()))
                .setDate(start.toLocalDate()).setStartTime(start.toLocalTime()).setEndTime(end.toLocalTime())
                .setLocation(r.getProposedPlace())
                .setCapacity(r.getPeopleCount())
                .setDeadlineDaysBefore(0)
                .setMunicipalityId(r.getMunicipalityId())
                .setOrganisationId(r.getOrganisationId())
                .setTrainerIds(Set.of(r.getTrainerId()));
        PersonId plannedBy = actor != null ? actor : r.getTrainerId();
        SessionId session = sessions.createAgreed(draft, plannedBy);
        if (!repository.planned(id, r.getVersion(), session, now())) {
            throw changedMeanwhile();
        }
        repository.log(id, actor, "PLANNED", "session:" + session.value(), now());
        mail(id, Step.PLANNED, date(start, locale), time(start, locale), time(end, locale), r.getProposedPlace(),
                invites.agreedSessionLink(session, plannedBy), r.getPeopleCount());
        return session;
    }

    // --- helpers ---

    private static InvalidInputException changedMeanwhile() {
        return new InvalidInputException(Map.of("request", "requests.changed-meanwhile"));
    }

    private static Locale localeOf(TrainingRequestRecord r) {
        return Translations.supported(Locale.of(r.getLocale()));
    }

    private static String date(ZonedDateTime at, Locale locale) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL).withLocale(locale).format(at);
    }

    private static String time(ZonedDateTime at, Locale locale) {
        return DateTimeFormatter.ofPattern("HH:mm", locale).format(at);
    }

    private void mail(RequestId id, Step step, Object... args) {
        Row row = repository.find(id).orElseThrow();
        TrainingRequestRecord r = row.request();
        mails.send(r.getContactEmail(), r.getContactName(), localeOf(r), row.municipalityName(), r.getOrganisationName(), step, args);
    }

    private TrainingRequest toRequest(Row row) {
        TrainingRequestRecord r = row.request();
        RequestStatus status = RequestStatus.valueOf(r.getStatus());
        boolean awaiting = status == RequestStatus.NEW || status == RequestStatus.ASSIGNED && r.getProposedStartsAt() == null;
        OffsetDateTime since = r.getAnsweredAt() != null ? r.getAnsweredAt() : r.getReceivedAt();
        boolean tooLong = awaiting && !r.getHeld()
                && WorkingDays.between(SessionTimes.local(since).toLocalDate(), today()) > WorkingDays.ANSWER_WITHIN;
        return new TrainingRequest(r.getId(), r.getMunicipalityId(), row.municipalityName(), r.getOrganisationId(),
                r.getOrganisationName(), Audience.valueOf(r.getAudience()), r.getPeopleCount(), r.getPreferredPeriods(),
                r.getPlace(), r.getRemarks(), r.getContactName(), r.getContactEmail(), localeOf(r), r.getHeld(), status,
                r.getDeclineReason(), r.getTrainerId(), row.trainerName(), r.getProposedStartsAt(), r.getProposedEndsAt(),
                r.getProposedPlace(), r.getSessionId(), r.getReceivedAt(), tooLong, r.getVersion());
    }
}
