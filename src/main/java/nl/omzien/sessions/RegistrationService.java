package nl.omzien.sessions;

import nl.omzien.base.PersonId;

import nl.omzien.base.MunicipalityId;
import nl.omzien.base.OrganisationId;
import org.springframework.context.ApplicationEventPublisher;
import nl.omzien.base.SecretTokens;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import nl.omzien.base.InvalidInputException;
import nl.omzien.security.CurrentUser;
import nl.omzien.security.Role;
import nl.omzien.security.SignedInUser;
import nl.omzien.sessions.internal.JooqCalendarFeedRepository;
import nl.omzien.sessions.internal.JooqSessionInterestRepository;
import nl.omzien.sessions.internal.PersonLookup;
import nl.omzien.sessions.internal.PersonLookup.Person;
import nl.omzien.sessions.internal.JooqRegistrationRepository;
import nl.omzien.sessions.internal.JooqRegistrationRepository.Row;
import nl.omzien.sessions.internal.JooqSessionRepository;
import nl.omzien.sessions.internal.SeatAllocation;
import nl.omzien.sessions.internal.SeatRequest;
import nl.omzien.sessions.internal.SessionCalendar;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Sessions from a participant's side: browse what is planned in their municipality, sign up, join
 * the waitlist, accept an offer, cancel, reschedule, evaluate. Every call works on the signed-in
 * person's own registrations; closed sessions exist only for their organisation's people.
 */
@Service
public class RegistrationService {

    private final JooqSessionRepository sessions;
    private final JooqRegistrationRepository registrations;
    private final PersonLookup people;
    private final JooqSessionInterestRepository interests;
    private final JooqCalendarFeedRepository feeds;
    private final SeatAllocation seats;
    private final SessionCalendar calendar;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final String baseUrl;
    private final ApplicationEventPublisher events;

    RegistrationService(JooqSessionRepository sessions, JooqRegistrationRepository registrations,
                        PersonLookup people, JooqSessionInterestRepository interests,
                        JooqCalendarFeedRepository feeds, SeatAllocation seats, SessionCalendar calendar,
                        CurrentUser currentUser, Clock clock, @Value("${omzien.base-url}") String baseUrl,
                        ApplicationEventPublisher events) {
        this.events = events;
        this.sessions = sessions;
        this.registrations = registrations;
        this.people = people;
        this.interests = interests;
        this.feeds = feeds;
        this.seats = seats;
        this.calendar = calendar;
        this.currentUser = currentUser;
        this.clock = clock;
        this.baseUrl = baseUrl;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }

    private static InvalidInputException problem(String key) {
        return new InvalidInputException(Map.of("session", key));
    }

    /** What to show: optional filters, all null means everything upcoming. */
    public record Filter(LocalDate from, LocalDate until, nl.omzien.people.Audience audience, String place) {
        public static final Filter NONE = new Filter(null, null, null, null);
    }

    /** Planned sessions the signed-in person may book (own municipality; closed ones of their organisation). */
    @Transactional(readOnly = true)
    @RolesAllowed({Role.PARTICIPANT_ROLE, Role.ORG_CONTACT_ROLE})
    public List<TrainingSession> upcoming(Filter filter) {
        SignedInUser user = currentUser.require();
        if (user.municipalityId() == null) {
            return List.of();
        }
        return sessions.bookable(user.municipalityId(), user.organisationId(), now()).stream()
                .filter(s -> s.startsAt().isAfter(now()))
                .filter(s -> filter.from() == null || !SessionTimes.local(s.startsAt()).toLocalDate().isBefore(filter.from()))
                .filter(s -> filter.until() == null || !SessionTimes.local(s.startsAt()).toLocalDate().isAfter(filter.until()))
                .filter(s -> filter.audience() == null || s.audience() == null || s.audience() == filter.audience())
                .filter(s -> filter.place() == null || filter.place().isBlank()
                        || (s.place() != null && s.place().toLowerCase(java.util.Locale.ROOT)
                                .contains(filter.place().trim().toLowerCase(java.util.Locale.ROOT))))
                .toList();
    }

    /**
     * A municipality's upcoming open sessions (not closed ones) that still take sign-ups, for its public agenda
     * (issue 21). No signed-in user: the caller shows only what a poster would (title, time, place, free seats).
     */
    @Transactional(readOnly = true)
    public List<TrainingSession> openToThePublic(MunicipalityId municipalityId) {
        OffsetDateTime now = now();
        return sessions.bookable(municipalityId, null, now).stream()
                .filter(s -> !s.isClosed() && s.startsAt().isAfter(now) && s.openForSignUp(now)).toList();
    }

    /**
     * A session still open for sign-up, for the page its sign-up link opens; empty when it is cancelled or
     * its registration deadline has passed. No signed-in user here: the caller (onboarding) holds the
     * link's secret as the proof, and a person is only booked later through {@link #signUp(PersonId)}.
     */
    @Transactional(readOnly = true)
    public Optional<TrainingSession> openForSignUpLink(SessionId sessionId) {
        return sessions.find(sessionId).filter(s -> s.openForSignUp(now()));
    }

    /**
     * The signed-in person's registrations by session start: live places, attended ones and those the
     * trainer cancelled. One query, however many there are.
     */
    @Transactional(readOnly = true)
    @PermitAll
    public List<MyRegistration> mine() {
        return registrations.mine(currentUser.require().accountId());
    }

    /**
     * Signs the signed-in person up: a seat, or a place on the waitlist when full. Safe to repeat (a double
     * click answers with the place already held).
     */
    @Transactional
    @RolesAllowed({Role.PARTICIPANT_ROLE, Role.ORG_CONTACT_ROLE})
    public SignUpOutcome signUp(SessionId sessionId) {
        SignedInUser user = currentUser.require();
        requireBookable(sessionId, user.municipalityId());
        return seats.decide(sessionId, new SeatRequest.SignUp(user.accountId(), user.accountId(), now()));
    }

    /** An organisation contact signs up colleagues of their own organisation in one go. */
    @Transactional
    @RolesAllowed(Role.ORG_CONTACT_ROLE)
    public List<SignUpOutcome> signUpColleagues(SessionId sessionId, Collection<PersonId> colleagueIds) {
        SignedInUser user = currentUser.require();
        if (user.organisationId() == null) {
            throw new AccessDeniedException("No organisation");
        }
        requireBookable(sessionId, user.municipalityId());
        List<SignUpOutcome> outcomes = new ArrayList<>();
        for (PersonId id : colleagueIds.stream().distinct().sorted(java.util.Comparator.comparingLong(PersonId::value)).toList()) {
            Person colleague = people.find(id).orElseThrow(() -> new AccessDeniedException("No such person"));
            if (!Objects.equals(colleague.organisationId(), user.organisationId()) || !colleague.enabled()) {
                throw new AccessDeniedException("Not a colleague");
            }
            outcomes.add(seats.decide(sessionId, new SeatRequest.SignUp(id, user.accountId(), now())));
        }
        // All in one transaction: the first refusal undoes the whole group.
        return outcomes;
    }

    /** Colleagues the signed-in organisation contact may sign up (including themselves). */
    @Transactional(readOnly = true)
    @RolesAllowed(Role.ORG_CONTACT_ROLE)
    public Map<PersonId, String> colleagues() {
        SignedInUser user = currentUser.require();
        if (user.organisationId() == null) {
            return Map.of();
        }
        Map<PersonId, String> result = new java.util.LinkedHashMap<>();
        people.inOrganisation(user.organisationId()).forEach(p -> result.put(p.id(), p.fullName()));
        return result;
    }

    private void requireBookable(SessionId sessionId, MunicipalityId municipalityId) {
        // A key lookup of who may book, not the whole session with its counts and trainers: a repeated sign-up
        // needs nothing more.
        var bookers = sessions.whoMayBook(sessionId).orElseThrow(() -> problem("session.unknown"));
        // A closed session asks for the organisation as it is now, not as cached at sign-in: the contact may have
        // taken this person out since.
        boolean visible = Objects.equals(bookers.municipalityId(), municipalityId)
                && (bookers.organisationId() == null || Objects.equals(bookers.organisationId(),
                        people.find(currentUser.require().accountId()).map(Person::organisationId).orElse(null)));
        if (!visible) {
            // Same answer as for a session that does not exist: a closed session's existence is not public.
            throw problem("session.unknown");
        }
    }

    private Row own(RegistrationId registrationId) {
        Row row = registrations.find(registrationId).orElseThrow(() -> new AccessDeniedException("No such registration"));
        if (!row.userId().equals(currentUser.require().accountId())) {
            throw new AccessDeniedException("Not your registration");
        }
        return row;
    }

    /**
     * Cancels the signed-in person's place. A seat can be given back until the registration deadline
     * (later, the trainer has planned with you); leaving the waitlist or declining an offer is always possible.
     */
    @Transactional
    @PermitAll
    public void cancel(RegistrationId registrationId) {
        Row row = own(registrationId);
        if (!row.status().isLive()) {
            return;
        }
        TrainingSession session = sessions.find(row.sessionId()).orElseThrow();
        if (row.status() == RegistrationStatus.CONFIRMED && !now().isBefore(session.registrationDeadline())) {
            throw problem("registration.cancel-too-late");
        }
        seats.decide(row.sessionId(), new SeatRequest.Cancel(row, row.userId(), now()));
    }

    /** Accepts an open offer from within the app. */
    @Transactional
    @PermitAll
    public void acceptOffer(RegistrationId registrationId) {
        Row row = own(registrationId);
        seats.decide(row.sessionId(), new SeatRequest.Accept(row, row.userId(), now()));
    }

    /** What an offer link shows before the person clicks "accept"; empty for an unknown or used link. */
    public record OfferDetails(RegistrationId registrationId, TrainingSession session, String personName,
                               RegistrationStatus status, OffsetDateTime expiresAt) {
    }

    /** Anyone holding the link may see and accept this one offer: the token is the proof (256 random bits). */
    @Transactional(readOnly = true)
    public Optional<OfferDetails> offer(String token) {
        if (!SecretTokens.looksValid(token)) {
            return Optional.empty();
        }
        return registrations.findByOfferToken(SecretTokens.hash(token)).map(row -> new OfferDetails(row.id(),
                sessions.find(row.sessionId()).orElseThrow(), people.find(row.userId()).orElseThrow().fullName(),
                row.status(), row.offerExpiresAt()));
    }

    /**
     * Accepts the offer behind a mail link. The link page asks for one click first, so a mail scanner
     * that opens links does not accept on the person's behalf. Repeating it changes nothing.
     */
    @Transactional
    public RegistrationStatus acceptOffer(String token) {
        if (!SecretTokens.looksValid(token)) {
            throw problem("offer.unknown");
        }
        Row row = registrations.findByOfferToken(SecretTokens.hash(token)).orElseThrow(() -> problem("offer.unknown"));
        seats.decide(row.sessionId(), new SeatRequest.Accept(row, null, now()));
        return RegistrationStatus.CONFIRMED;
    }

    /**
     * Passes an offer on from its mail link ("Geef de plek door"): the seat goes to the next person in
     * line at once instead of waiting for the offer to lapse. The link is then used up: repeating it is
     * refused as an unknown offer and changes nothing.
     */
    @Transactional
    public void declineOffer(String token) {
        if (!SecretTokens.looksValid(token)) {
            throw problem("offer.unknown");
        }
        Row row = registrations.findByOfferToken(SecretTokens.hash(token)).orElseThrow(() -> problem("offer.unknown"));
        if (row.status() != RegistrationStatus.OFFERED) {
            return;
        }
        seats.decide(row.sessionId(), new SeatRequest.Cancel(row, null, now()));
    }

    /** Other planned occurrences the person could move to: same series or same title, bookable, not full. */
    @Transactional(readOnly = true)
    @PermitAll
    public List<TrainingSession> alternatives(RegistrationId registrationId) {
        Row row = own(registrationId);
        SignedInUser user = currentUser.require();
        TrainingSession current = sessions.find(row.sessionId()).orElseThrow();
        return sessions.bookable(current.municipalityId(), user.organisationId(), now()).stream()
                .filter(s -> !s.id().equals(current.id()))
                .filter(s -> (current.seriesId() != null && Objects.equals(s.seriesId(), current.seriesId()))
                        || s.title().equalsIgnoreCase(current.title()))
                .filter(s -> now().isBefore(s.registrationDeadline()))
                .toList();
    }

    /** Moves the person's place to another occurrence in one step; refused (nothing changes) when it is full. */
    @Transactional
    @PermitAll
    public SignUpOutcome reschedule(RegistrationId registrationId, SessionId toSessionId) {
        Row row = own(registrationId);
        SignedInUser user = currentUser.require();
        requireBookable(toSessionId, user.municipalityId());
        TrainingSession current = sessions.find(row.sessionId()).orElseThrow();
        if (row.status() == RegistrationStatus.CONFIRMED && !now().isBefore(current.registrationDeadline())) {
            throw problem("registration.cancel-too-late");
        }
        return seats.move(row, toSessionId, user.accountId(), now());
    }

    /** Asks to be mailed when a new session is planned in the person's municipality. Safe to repeat. */
    @Transactional
    @RolesAllowed({Role.PARTICIPANT_ROLE, Role.ORG_CONTACT_ROLE})
    public void registerInterest() {
        SignedInUser user = currentUser.require();
        if (user.municipalityId() == null) {
            throw problem("session.no-municipality");
        }
        interests.add(user.accountId(), user.municipalityId(), now());
    }

    @Transactional(readOnly = true)
    @RolesAllowed({Role.PARTICIPANT_ROLE, Role.ORG_CONTACT_ROLE})
    public boolean hasInterest() {
        SignedInUser user = currentUser.require();
        return user.municipalityId() != null && interests.has(user.accountId(), user.municipalityId());
    }

    /**
     * A new personal calendar feed address; the previous one stops working. Only its hash is stored, so
     * the address is shown once.
     */
    @Transactional
    @PermitAll
    public String newCalendarFeed() {
        String token = SecretTokens.newToken();
        feeds.replaceToken(currentUser.require().accountId(), SecretTokens.hash(token), now());
        return baseUrl.replaceFirst("^https?://", "webcal://") + "/kalender/" + token + ".ics";
    }

    /**
     * The feed behind a secret address: the person's sessions with a seat (and those cancelled since). A closed
     * account's address stops working, as its sign-in does.
     */
    @Transactional(readOnly = true)
    public Optional<String> calendarFeed(String token) {
        if (!SecretTokens.looksValid(token)) {
            return Optional.empty();
        }
        return feeds.userByToken(SecretTokens.hash(token))
                .filter(userId -> people.find(userId).map(Person::enabled).orElse(false)).map(userId -> {
            List<TrainingSession> mine = registrations.forUser(userId).stream()
                    .filter(r -> r.status().holdsSeat() || r.status() == RegistrationStatus.SESSION_CANCELLED)
                    .map(r -> sessions.find(r.sessionId()).orElseThrow())
                    .toList();
            return calendar.feed(mine, "Omzien");
        });
    }

    /** The evaluation form's rules, the same online and when a trainer types in a paper form. */
    static void checkEvaluation(Integer score, String doDifferently, String comment) {
        new InvalidInputException.Checks()
                .require("score", score)
                .fail("score", "evaluation.score-range", score != null && (score < 1 || score > 10))
                .require("doDifferently", doDifferently)
                .length("doDifferently", doDifferently, 1, 2000)
                .length("comment", comment, 0, 2000)
                .multiLine("doDifferently", doDifferently)
                .multiLine("comment", comment)
                .throwIfAny();
    }

    /** The evaluation after attending: once per registration, only by someone who was present. */
    @Transactional
    @PermitAll
    public void evaluate(RegistrationId registrationId, Integer score, String doDifferently, String comment) {
        Row row = own(registrationId);
        checkEvaluation(score, doDifferently, comment);
        if (row.attendance() != Attendance.PRESENT) {
            throw problem("evaluation.not-attended");
        }
        if (now().isBefore(sessions.find(row.sessionId()).orElseThrow().endsAt())) {
            throw problem("evaluation.too-early");
        }
        registrations.saveEvaluation(registrationId, score, doDifferently.trim(),
                comment == null || comment.isBlank() ? null : comment.trim(), now());
        events.publishEvent(new SessionEvaluated(row.sessionId(), registrationId));
    }
}
