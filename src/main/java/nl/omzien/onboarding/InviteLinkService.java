package nl.omzien.onboarding;

import nl.omzien.base.OrganisationId;
import nl.omzien.sessions.SessionId;
import jakarta.annotation.security.RolesAllowed;
import nl.omzien.base.SecretTokens;
import nl.omzien.base.Translations;
import nl.omzien.onboarding.internal.FlyerPdf;
import nl.omzien.onboarding.internal.JooqInviteRepository;
import nl.omzien.people.Organisation;
import nl.omzien.people.OrganisationDirectory;
import nl.omzien.people.OrganisationService;
import nl.omzien.security.CurrentUser;
import nl.omzien.security.Role;
import nl.omzien.security.SignedInUser;
import nl.omzien.sessions.SessionService;
import nl.omzien.sessions.TrainingSession;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Invite links as staff see them. An organisation's link: a coalition lead for the organisations of
 * their municipality, the organisation's own contact person, or an admin may show it, print its flyer
 * and replace it. A session's sign-up link: the trainers and lead of the session's municipality (and admins).
 */
@Service
public class InviteLinkService {

    /**
     * @param shortLink the same invite as an address short enough to type: {@code <base>/code/K7Q3-M9XP}
     */
    public record OrganisationInvite(Organisation organisation, String link, String shortLink) {
    }

    public record SessionInvite(TrainingSession session, String link) {
    }

    private final JooqInviteRepository invites;
    private final OrganisationDirectory directory;
    private final OrganisationService organisations;
    private final SessionService sessions;
    private final nl.omzien.sessions.RegistrationService registrations;
    private final CurrentUser currentUser;
    private final Translations translations;
    private final Clock clock;
    private final String baseUrl;

    InviteLinkService(JooqInviteRepository invites, OrganisationDirectory directory, OrganisationService organisations,
                SessionService sessions, nl.omzien.sessions.RegistrationService registrations, CurrentUser currentUser, Translations translations, Clock clock,
                @Value("${omzien.base-url}") String baseUrl) {
        this.invites = invites;
        this.directory = directory;
        this.organisations = organisations;
        this.sessions = sessions;
        this.registrations = registrations;
        this.currentUser = currentUser;
        this.translations = translations;
        this.clock = clock;
        this.baseUrl = baseUrl.replaceAll("/+$", "");
    }

    /** The organisations whose invite link the signed-in person manages, each with its link. */
    @Transactional
    @RolesAllowed({Role.ADMIN_ROLE, Role.LEAD_ROLE, Role.ORG_CONTACT_ROLE})
    public List<OrganisationInvite> organisationInvites() {
        SignedInUser user = currentUser.require();
        List<Organisation> mine = new ArrayList<>();
        if (user.isAdmin() || user.has(Role.COALITION_LEAD)) {
            mine.addAll(organisations.visible());
        }
        if (user.has(Role.ORG_CONTACT) && user.organisationId() != null
                && mine.stream().noneMatch(o -> o.id().equals(user.organisationId()))) {
            directory.find(user.organisationId()).ifPresent(mine::add);
        }
        return mine.stream().map(o -> invite(o, user)).toList();
    }

    /** One organisation's invite, for someone who manages it. */
    @Transactional
    @RolesAllowed({Role.ADMIN_ROLE, Role.LEAD_ROLE, Role.ORG_CONTACT_ROLE})
    public OrganisationInvite organisationInvite(OrganisationId organisationId) {
        SignedInUser user = currentUser.require();
        Organisation organisation = requireManaged(organisationId, user);
        return invite(organisation, user);
    }

    /** A new link for the organisation; the old link and every flyer printed with it stop working. */
    @Transactional
    @RolesAllowed({Role.ADMIN_ROLE, Role.LEAD_ROLE, Role.ORG_CONTACT_ROLE})
    public OrganisationInvite rotateOrganisationInvite(OrganisationId organisationId) {
        SignedInUser user = currentUser.require();
        Organisation organisation = requireManaged(organisationId, user);
        String token = SecretTokens.newToken();
        invites.replaceOrganisationToken(organisationId, token, OffsetDateTime.now(clock), user.accountId());
        return invite(organisation, user);
    }

    /** The A4 flyer with the organisation's current link as a QR code, in the reader's language. */
    @Transactional
    @RolesAllowed({Role.ADMIN_ROLE, Role.LEAD_ROLE, Role.ORG_CONTACT_ROLE})
    public byte[] flyer(OrganisationId organisationId, Locale locale) {
        OrganisationInvite invite = organisationInvite(organisationId);
        Locale language = Translations.supported(locale);
        return FlyerPdf.render(invite.organisation().name(), invite.organisation().municipalityName(), invite.link(), invite.shortLink(),
                (key, args) -> translations.getTranslation(key, language, args));
    }

    /** Upcoming sessions in the signed-in staff member's municipality (admins: all), each with its sign-up link. */
    @Transactional
    @RolesAllowed({Role.TRAINER_ROLE, Role.LEAD_ROLE, Role.ADMIN_ROLE})
    public List<SessionInvite> sessionInvites() {
        SignedInUser user = currentUser.require();
        return sessions.visible(false).stream().filter(s -> !s.isCancelled())
                .map(s -> new SessionInvite(s, sessionLink(s.id(), user))).toList();
    }

    /**
     * The sign-up link of an open session for the public agenda (issue 21), marked {@code ?via=agenda} so a
     * confirmed sign-up through it is counted as coming from the agenda. No signed-in user: the session's link is
     * meant to be shared; it is made now if the session has none. Empty for a closed, cancelled or past session.
     */
    @Transactional
    public Optional<String> publicSessionLink(SessionId sessionId) {
        return registrations.openForSignUpLink(sessionId).filter(s -> !s.isClosed())
                .map(s -> baseUrl + "/aanmelden/sessie/"
                        + invites.sessionToken(sessionId, SecretTokens.newToken(), OffsetDateTime.now(clock), null)
                        + "?" + InviteRegistrationService.VIA_AGENDA);
    }

    /** A new sign-up link for the session; the old one stops working. */
    @Transactional
    @RolesAllowed({Role.TRAINER_ROLE, Role.LEAD_ROLE, Role.ADMIN_ROLE})
    public SessionInvite rotateSessionInvite(SessionId sessionId) {
        SignedInUser user = currentUser.require();
        TrainingSession session = sessions.get(sessionId); // refuses a session outside the user's municipality
        String token = SecretTokens.newToken();
        invites.replaceSessionToken(sessionId, token, OffsetDateTime.now(clock), user.accountId());
        return new SessionInvite(session, baseUrl + "/aanmelden/sessie/" + token);
    }

    private OrganisationInvite invite(Organisation organisation, SignedInUser user) {
        String link = organisationLink(organisation.id(), user);
        String code = invites.organisationShortCode(organisation.id());
        return new OrganisationInvite(organisation, link, baseUrl + "/code/" + code.substring(0, 4) + "-" + code.substring(4));
    }

    private String organisationLink(OrganisationId organisationId, SignedInUser user) {
        return baseUrl + "/aanmelden/"
                + invites.organisationToken(organisationId, SecretTokens.newToken(), OffsetDateTime.now(clock), user.accountId());
    }

    private String sessionLink(SessionId sessionId, SignedInUser user) {
        return baseUrl + "/aanmelden/sessie/"
                + invites.sessionToken(sessionId, SecretTokens.newToken(), OffsetDateTime.now(clock), user.accountId());
    }

    private Organisation requireManaged(OrganisationId organisationId, SignedInUser user) {
        Organisation organisation = directory.find(organisationId)
                .orElseThrow(() -> new AccessDeniedException("No such organisation"));
        boolean allowed = user.isAdmin()
                || (user.has(Role.COALITION_LEAD) && Objects.equals(user.municipalityId(), organisation.municipalityId()))
                || (user.has(Role.ORG_CONTACT) && Objects.equals(user.organisationId(), organisationId));
        if (!allowed) {
            throw new AccessDeniedException("Not allowed to manage this organisation's invite link");
        }
        return organisation;
    }
}
