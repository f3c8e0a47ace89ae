package nl.omzien.onboarding;

import nl.omzien.base.PersonId;

import nl.omzien.base.OrganisationId;
import nl.omzien.sessions.SessionId;
import jakarta.annotation.security.PermitAll;
import nl.omzien.base.InvalidInputException;
import nl.omzien.base.SecretTokens;
import nl.omzien.onboarding.internal.InviteCodeThrottle;
import nl.omzien.onboarding.internal.JooqInviteRepository;
import nl.omzien.onboarding.internal.SignInLinkThrottle;
import nl.omzien.onboarding.internal.SignInLinkTokenService;
import nl.omzien.people.Organisation;
import nl.omzien.people.OrganisationDirectory;
import nl.omzien.people.OrganisationService;
import nl.omzien.people.SelfRegistration;
import nl.omzien.security.CurrentUser;
import nl.omzien.sessions.RegistrationService;
import nl.omzien.sessions.RegistrationStatus;
import nl.omzien.sessions.TrainingSession;
import nl.omzien.training.ModuleCatalog;
import nl.omzien.training.content.TrainingModule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Registering through an invite link, without a password. The link is the only proof needed to fill
 * in the form; the account is only usable after the person clicks the sign-in link mailed to them, and a
 * session sign-up from a session's link is only carried out then. The answer never tells whether the
 * address already had an account: that person simply gets a sign-in link instead of a welcome.
 */
@Service
public class InviteRegistrationService {

    /** The privacy statement people agree to; raise it when the statement changes in substance. */
    public static final String PRIVACY_STATEMENT_VERSION = "2026-11";
    /** Where the mailed link lands after sign-in: the welcome page signs up for a session, then opens module 1. */
    public static final String LANDING = "/welkom";

    /** The query a session's link carries on the public agenda (issue 21). */
    public static final String VIA_AGENDA = "via=agenda";

    private static final Logger log = LoggerFactory.getLogger(InviteRegistrationService.class);

    /**
     * What an invite link points at. {@code organisation} is set when the link decides it (an
     * organisation's link, a closed session); otherwise the person picks one of {@code choices}.
     */
    public record Invite(String token, Organisation organisation, List<Organisation> choices, String municipalityName,
                         TrainingSession session) {
        public boolean forSession() {
            return session != null;
        }
    }

    /** What the person typed on the form. {@code organisationId} only counts where the invite lets them choose. */
    public record Form(String fullName, String email, OrganisationId organisationId, boolean consent, Locale locale) {
    }

    /** A session sign-up carried out after sign-in: the status, or the key of the reason it did not work. */
    public record SessionSignUp(TrainingSession session, RegistrationStatus status, String problemKey) {
    }

    /** Where to go after the first sign-in: module 1 for the person's audience, and what happened to session sign-ups. */
    public record Welcome(Optional<String> firstModuleId, List<SessionSignUp> sessions) {
    }

    private final JooqInviteRepository invites;
    private final OrganisationDirectory directory;
    private final OrganisationService organisations;
    private final SelfRegistration selfRegistration;
    private final RegistrationService sessionRegistrations;
    private final ModuleCatalog modules;
    private final SignInLinkTokenService signInLinks;
    private final SignInLinkThrottle throttle;
    private final InviteCodeThrottle codeThrottle;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final org.springframework.context.ApplicationEventPublisher events;

    InviteRegistrationService(JooqInviteRepository invites, OrganisationDirectory directory, OrganisationService organisations,
                        SelfRegistration selfRegistration, RegistrationService sessionRegistrations,
                        ModuleCatalog modules, SignInLinkTokenService signInLinks, SignInLinkThrottle throttle,
                        InviteCodeThrottle codeThrottle, CurrentUser currentUser, Clock clock,
                        org.springframework.context.ApplicationEventPublisher events) {
        this.events = events;
        this.codeThrottle = codeThrottle;
        this.invites = invites;
        this.directory = directory;
        this.organisations = organisations;
        this.selfRegistration = selfRegistration;
        this.sessionRegistrations = sessionRegistrations;
        this.modules = modules;
        this.signInLinks = signInLinks;
        this.throttle = throttle;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /**
     * The invite token a short code from a flyer stands for, as someone types it: any case, with or without
     * the dash or spaces; empty for an unknown or replaced code.
     *
     * @throws InvalidInputException ({@code short-code.too-many}) when this network typed too many wrong codes lately
     */
    // No transaction around it: a lookup waiting for a throttle slot must not hold a pooled connection (decision 021).
    public Optional<String> tokenOfShortCode(String typed, String ipAddress) {
        String code = typed == null ? "" : typed.replaceAll("[\\s-]", "").toUpperCase(java.util.Locale.ROOT);
        if (!code.matches("[23456789ABCDEFGHJKLMNPQRSTUVWXYZ]{8}")) {
            return Optional.empty();
        }
        OptionalLong lookup = codeThrottle.tryAcquire(ipAddress);
        if (lookup.isEmpty()) {
            throw new InvalidInputException(Map.of("code", "short-code.too-many"));
        }
        Optional<String> token = invites.organisationTokenByShortCode(code);
        token.ifPresent(found -> codeThrottle.found(lookup.getAsLong()));
        return token;
    }

    /** The organisation behind an invite link; empty for an unknown or replaced link. */
    @Transactional(readOnly = true)
    public Optional<Invite> organisationInvite(String token) {
        if (!SecretTokens.looksValid(token)) {
            return Optional.empty();
        }
        return invites.organisationByToken(token).flatMap(directory::find)
                .map(o -> new Invite(token, o, List.of(o), o.municipalityName(), null));
    }

    /** The session behind a sign-up link; empty for an unknown or replaced link, or when sign-up has closed. */
    @Transactional(readOnly = true)
    public Optional<Invite> sessionInvite(String token) {
        if (!SecretTokens.looksValid(token)) {
            return Optional.empty();
        }
        return invites.sessionByToken(token).flatMap(sessionRegistrations::openForSignUpLink).map(session -> {
            if (session.isClosed()) {
                Organisation only = directory.find(session.organisationId()).orElseThrow();
                return new Invite(token, only, List.of(only), session.municipalityName(), session);
            }
            return new Invite(token, null, directory.inMunicipality(session.municipalityId()),
                    session.municipalityName(), session);
        });
    }

    /**
     * Registers a new participant and mails the sign-in link; for an address that already has an
     * account nothing changes and a participant gets a plain sign-in link. Same outcome on screen either way.
     *
     * @throws InvalidInputException per field (keys), or {@code invite} when the link no longer works,
     *                               or {@code form} when too many sign-ups came from this address
     */
    @Transactional
    public void register(String token, boolean sessionLink, Form form, String ipAddress) {
        register(token, sessionLink, form, ipAddress, false);
    }

    /**
     * As {@link #register(String, boolean, Form, String)}; {@code viaAgenda}: the session's link was opened from the
     * public agenda, so the sign-up, once confirmed, is announced as {@link SessionSignUpFromAgenda}.
     */
    @Transactional
    public void register(String token, boolean sessionLink, Form form, String ipAddress, boolean viaAgenda) {
        Invite invite = (sessionLink ? sessionInvite(token) : organisationInvite(token))
                .orElseThrow(() -> new InvalidInputException(Map.of("invite", "register.invite-invalid")));
        Organisation organisation = invite.organisation() != null ? invite.organisation()
                : invite.choices().stream().filter(o -> Objects.equals(o.id(), form.organisationId())).findFirst().orElse(null);
        String name = form.fullName() == null ? "" : form.fullName().trim();
        String email = form.email() == null ? "" : form.email().trim();
        new InvalidInputException.Checks()
                .require("fullName", name)
                .length("fullName", name, 2, 150)
                .singleLine("fullName", name)
                .require("email", email)
                .email("email", email)
                .require("organisation", organisation)
                .fail("consent", "register.consent-required", !form.consent())
                .throwIfAny();
        if (!throttle.tryAcquire(email.toLowerCase(Locale.ROOT), ipAddress)) {
            log.info("Invite registration throttled from {}", ipAddress);
            throw new InvalidInputException(Map.of("form", "register.throttled"));
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        Optional<PersonId> created = selfRegistration.createParticipant(name, email, form.locale());
        created.ifPresent(userId -> {
            invites.recordConsent(userId, PRIVACY_STATEMENT_VERSION, now);
            invites.addPendingOrganisation(userId, organisation.id(), now);
        });
        Optional<PersonId> mailedTo = signInLinks.sendAfterRegistration(email, created.isPresent(), LANDING);
        if (invite.forSession()) {
            mailedTo.ifPresent(userId -> invites.addPendingSession(userId, invite.session().id(), now, viaAgenda));
        }
    }

    /**
     * For the signed-in person after following their link: signs them up for the sessions they asked
     * for on a session's link (a seat, or the waitlist when full), then names the first module of their
     * audience. Each sign-up runs in its own transaction, so one that fails does not undo another.
     */
    @PermitAll
    public Welcome afterSignIn() {
        PersonId me = currentUser.require().accountId();
        List<SessionSignUp> results = new ArrayList<>();
        for (JooqInviteRepository.PendingSession pending : invites.pendingSessions(me)) {
            SessionId sessionId = pending.sessionId();
            if (!invites.removePending(me, sessionId)) {
                continue;
            }
            Optional<TrainingSession> session = sessionRegistrations.openForSignUpLink(sessionId);
            if (session.isEmpty()) {
                continue;
            }
            try {
                results.add(new SessionSignUp(session.get(), sessionRegistrations.signUp(sessionId).status(), null));
                if (pending.viaAgenda()) {
                    events.publishEvent(new SessionSignUpFromAgenda(me, sessionId, OffsetDateTime.now(clock)));
                }
            } catch (InvalidInputException e) {
                results.add(new SessionSignUp(session.get(), null, e.errors().values().iterator().next()));
            } catch (AccessDeniedException e) {
                results.add(new SessionSignUp(session.get(), null, "session.unknown"));
            }
        }
        var audience = organisations.audienceOfCurrentUser();
        Optional<String> first = modules.current().stream().filter(m -> m.audiences().contains(audience))
                .map(TrainingModule::id).findFirst();
        return new Welcome(first, results);
    }
}
