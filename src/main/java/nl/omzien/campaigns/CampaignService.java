package nl.omzien.campaigns;

import jakarta.annotation.security.RolesAllowed;
import nl.omzien.base.InvalidInputException;
import nl.omzien.base.MunicipalityId;
import nl.omzien.base.SecretTokens;
import nl.omzien.campaigns.internal.AgendaSlugs;
import nl.omzien.campaigns.internal.JooqCampaignRepository;
import nl.omzien.onboarding.InviteLinkService;
import nl.omzien.security.ApiCaller;
import nl.omzien.security.CurrentUser;
import nl.omzien.security.Role;
import nl.omzien.security.SignedInUser;
import nl.omzien.sessions.RegistrationService;
import nl.omzien.sessions.SessionId;
import nl.omzien.sessions.SessionService;
import nl.omzien.sessions.SessionTimes;
import nl.omzien.sessions.TrainingSession;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Campaigns for coalition leads (their own municipality; admins any): define one, tag sessions, add activities; and
 * for anyone the public agenda of a municipality. Every change checks role and municipality here, not in the view.
 */
@Service
public class CampaignService {

    /** A campaign lasts at most this many days past its first (the database says the same). */
    public static final int MAX_DAYS = 92;
    public static final int MAX_DESCRIPTION = 2000;
    public static final int MAX_LINK = 500;

    private final JooqCampaignRepository repository;
    private final SessionService sessions;
    private final RegistrationService registrations;
    private final InviteLinkService inviteLinks;
    private final AgendaSlugs slugs;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final String baseUrl;

    CampaignService(JooqCampaignRepository repository, SessionService sessions, RegistrationService registrations,
                    InviteLinkService inviteLinks, AgendaSlugs slugs, CurrentUser currentUser, Clock clock,
                    @Value("${omzien.base-url}") String baseUrl) {
        this.repository = repository;
        this.sessions = sessions;
        this.registrations = registrations;
        this.inviteLinks = inviteLinks;
        this.slugs = slugs;
        this.currentUser = currentUser;
        this.clock = clock;
        this.baseUrl = baseUrl.replaceAll("/+$", "");
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(SessionTimes.ZONE));
    }

    /** The lead's own municipality; an admin names one. Anyone else's is refused like an unknown one. */
    private MunicipalityId scope(MunicipalityId municipalityId) {
        SignedInUser user = currentUser.require();
        if (user.isAdmin()) {
            MunicipalityId chosen = municipalityId != null ? municipalityId : user.municipalityId();
            if (chosen == null) {
                throw new InvalidInputException(Map.of("municipality", "validation.required"));
            }
            return chosen;
        }
        if (user.municipalityId() == null || municipalityId != null && !municipalityId.equals(user.municipalityId())) {
            throw new AccessDeniedException("Not your municipality");
        }
        return user.municipalityId();
    }

    private Campaign ownCampaign(CampaignId campaignId) {
        Campaign campaign = repository.find(campaignId).orElseThrow(() -> new AccessDeniedException("No such campaign"));
        scope(campaign.municipalityId());
        return campaign;
    }

    // --- for leads ---

    /** The municipality's campaigns, latest first. */
    @Transactional(readOnly = true)
    @RolesAllowed({Role.LEAD_ROLE, Role.ADMIN_ROLE})
    public List<Campaign> campaigns(MunicipalityId municipalityId) {
        return repository.of(scope(municipalityId));
    }

    @Transactional(readOnly = true)
    @RolesAllowed({Role.LEAD_ROLE, Role.ADMIN_ROLE})
    public Campaign campaign(CampaignId campaignId) {
        return ownCampaign(campaignId);
    }

    /** What the "new campaign" form starts with: the Week tegen Eenzaamheid of this year (or next, once it is over). */
    public record Proposal(int year, LocalDate startsOn, LocalDate endsOn) {
    }

    public Proposal proposal() {
        int year = WeekAgainstLoneliness.yearFor(today());
        return new Proposal(year, WeekAgainstLoneliness.firstDay(year), WeekAgainstLoneliness.lastDay(year));
    }

    @Transactional
    @RolesAllowed({Role.LEAD_ROLE, Role.ADMIN_ROLE})
    public CampaignId create(MunicipalityId municipalityId, String name, LocalDate startsOn, LocalDate endsOn) {
        MunicipalityId municipality = scope(municipalityId);
        String cleanName = checkCampaign(name, startsOn, endsOn);
        return repository.insert(municipality, cleanName, startsOn, endsOn, currentUser.require().accountId(), now());
    }

    @Transactional
    @RolesAllowed({Role.LEAD_ROLE, Role.ADMIN_ROLE})
    public void change(CampaignId campaignId, String name, LocalDate startsOn, LocalDate endsOn) {
        ownCampaign(campaignId);
        repository.update(campaignId, checkCampaign(name, startsOn, endsOn), startsOn, endsOn);
    }

    @Transactional
    @RolesAllowed({Role.LEAD_ROLE, Role.ADMIN_ROLE})
    public void delete(CampaignId campaignId) {
        ownCampaign(campaignId);
        repository.delete(campaignId);
    }

    private static String checkCampaign(String name, LocalDate startsOn, LocalDate endsOn) {
        String clean = name == null ? "" : name.trim();
        new InvalidInputException.Checks()
                .require("name", clean).length("name", clean, 2, 150).singleLine("name", clean)
                .require("startsOn", startsOn).require("endsOn", endsOn)
                .fail("endsOn", "campaigns.ends-before-start", startsOn != null && endsOn != null && endsOn.isBefore(startsOn))
                .fail("endsOn", "campaigns.too-long", startsOn != null && endsOn != null
                        && endsOn.isAfter(startsOn.plusDays(MAX_DAYS)))
                .throwIfAny();
        return clean;
    }

    /** Sessions of the campaign's municipality during the campaign (not cancelled), to tag or untag. */
    @Transactional(readOnly = true)
    @RolesAllowed({Role.LEAD_ROLE, Role.ADMIN_ROLE})
    public List<TrainingSession> sessionsDuring(CampaignId campaignId) {
        Campaign campaign = ownCampaign(campaignId);
        return sessions.visible(true).stream()
                .filter(s -> s.municipalityId().equals(campaign.municipalityId()) && !s.isCancelled())
                .filter(s -> campaign.runsOn(SessionTimes.local(s.startsAt()).toLocalDate()))
                .toList();
    }

    /** Tags a session of the campaign's municipality to the campaign, or takes the tag off. */
    @Transactional
    @RolesAllowed({Role.LEAD_ROLE, Role.ADMIN_ROLE})
    public void tag(CampaignId campaignId, SessionId sessionId, boolean tagged) {
        Campaign campaign = ownCampaign(campaignId);
        TrainingSession session = sessions.get(sessionId); // refuses a session outside the lead's municipality
        if (!session.municipalityId().equals(campaign.municipalityId())) {
            throw new AccessDeniedException("No such session");
        }
        if (tagged) {
            repository.tag(campaignId, sessionId);
        } else {
            repository.untag(campaignId, sessionId);
        }
    }

    @Transactional(readOnly = true)
    @RolesAllowed({Role.LEAD_ROLE, Role.ADMIN_ROLE})
    public List<Activity> activities(CampaignId campaignId) {
        ownCampaign(campaignId);
        return repository.activities(campaignId);
    }

    /**
     * Adds an activity to the campaign; its day must fall within the campaign.
     *
     * @throws InvalidInputException per field
     */
    @Transactional
    @RolesAllowed({Role.LEAD_ROLE, Role.ADMIN_ROLE})
    public ActivityId addActivity(CampaignId campaignId, ActivityDraft draft) {
        Checked a = checked(ownCampaign(campaignId), draft);
        return repository.insertActivity(campaignId, a.title(), a.startsAt(), a.endsAt(), a.place(), a.organiser(),
                a.description(), a.link(), currentUser.require().accountId(), now());
    }

    /**
     * Changes an activity (the public agenda and its feed show the change at once), with the same checks as adding
     * one. An activity deleted meanwhile (another tab, another lead) gets a message at its title, not an error page.
     *
     * @throws InvalidInputException per field
     */
    @Transactional
    @RolesAllowed({Role.LEAD_ROLE, Role.ADMIN_ROLE})
    public void changeActivity(ActivityId activityId, ActivityDraft draft) {
        CampaignId campaignId = repository.campaignOf(activityId)
                .orElseThrow(() -> new InvalidInputException(Map.of("title", "campaigns.activity.gone")));
        Checked a = checked(ownCampaign(campaignId), draft);
        if (!repository.updateActivity(activityId, a.title(), a.startsAt(), a.endsAt(), a.place(), a.organiser(),
                a.description(), a.link())) {
            throw new InvalidInputException(Map.of("title", "campaigns.activity.gone"));
        }
    }

    /** An activity as stored: trimmed, times on its day in the sessions' time zone. */
    private record Checked(String title, OffsetDateTime startsAt, OffsetDateTime endsAt, String place, String organiser,
                           String description, String link) {
    }

    /** The activity's checks, one message per field; its day must fall within the campaign. */
    private Checked checked(Campaign campaign, ActivityDraft draft) {
        String title = trim(draft.title());
        String place = trim(draft.place());
        String organiser = trim(draft.organiser());
        String description = blankToNull(draft.description());
        String link = blankToNull(draft.link());
        new InvalidInputException.Checks()
                .require("title", title).length("title", title, 2, 150).singleLine("title", title)
                .require("day", draft.day()).require("from", draft.from()).require("until", draft.until())
                .require("place", place).length("place", place, 2, 150).singleLine("place", place)
                .require("organiser", organiser).length("organiser", organiser, 2, 150).singleLine("organiser", organiser)
                .length("description", description, 0, MAX_DESCRIPTION).multiLine("description", description)
                .fail("day", "campaigns.activity.outside", draft.day() != null && !campaign.runsOn(draft.day()))
                .fail("until", "campaigns.activity.until-before-from", draft.from() != null && draft.until() != null
                        && !draft.until().isAfter(draft.from()))
                .fail("link", "campaigns.activity.link-invalid", link != null && !validLink(link))
                .throwIfAny();
        return new Checked(title, at(draft.day(), draft.from()), at(draft.day(), draft.until()), place, organiser,
                description, link);
    }

    @Transactional
    @RolesAllowed({Role.LEAD_ROLE, Role.ADMIN_ROLE})
    public void deleteActivity(ActivityId activityId) {
        CampaignId campaignId = repository.campaignOf(activityId).orElseThrow(() -> new AccessDeniedException("No such activity"));
        ownCampaign(campaignId);
        repository.deleteActivity(activityId);
    }

    /** The public addresses of the municipality's agenda: page, iCalendar feed and embeddable snippet. */
    public record AgendaLinks(String page, String calendar, String embed, String snippet) {
    }

    @Transactional(readOnly = true)
    @RolesAllowed({Role.LEAD_ROLE, Role.ADMIN_ROLE})
    public AgendaLinks agendaLinks(MunicipalityId municipalityId) {
        String slug = slugs.slugOf(scope(municipalityId)).orElseThrow();
        String page = baseUrl + "/agenda/" + slug;
        String embed = page + "/insluiten";
        String snippet = "<iframe src=\"" + embed + "\" title=\"Agenda\" style=\"width:100%;height:600px;border:0\""
                + " loading=\"lazy\"></iframe>";
        return new AgendaLinks(page, page + ".ics", embed, snippet);
    }

    private static OffsetDateTime at(LocalDate day, LocalTime time) {
        return day.atTime(time).atZone(SessionTimes.ZONE).toOffsetDateTime();
    }

    private static boolean validLink(String link) {
        if (link.length() > MAX_LINK || !link.matches("^https?://[^\\s<>\"]+$")) {
            return false;
        }
        try {
            return java.net.URI.create(link).getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String trim(String value) {
        return value == null ? "" : value.trim();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    // --- for anyone ---

    /**
     * The public agenda of the municipality with this address part ({@code coevorden}), or empty for an unknown one:
     * open trainings from now on with free seats and sign-up links, and the activities of campaigns not yet over.
     * Nothing personal: no trainer, no participant, no organiser's person.
     */
    @Transactional
    public Optional<PublicAgenda> publicAgenda(String slug) {
        return slugs.municipalityOf(slug).map(municipality -> {
            OffsetDateTime now = now();
            List<Campaign> campaigns = repository.of(municipality.id());
            List<PublicAgenda.Training> trainings = new ArrayList<>();
            for (TrainingSession s : registrations.openToThePublic(municipality.id())) {
                String campaignName = campaigns.stream().filter(c -> c.sessionIds().contains(s.id())).map(Campaign::name)
                        .findFirst().orElse(null);
                trainings.add(new PublicAgenda.Training(s.id().value(), s.title(), s.startsAt(), s.endsAt(), s.place(),
                        s.freeSeats(), !s.seatForNewcomer(), inviteLinks.publicSessionLink(s.id()).orElse(null), campaignName));
            }
            List<PublicAgenda.CampaignActivities> current = campaigns.stream()
                    .filter(c -> !c.endsOn().isBefore(today()))
                    .sorted(Comparator.comparing(Campaign::startsOn))
                    .map(c -> new PublicAgenda.CampaignActivities(c.name(), c.startsOn(), c.endsOn(),
                            repository.activities(c.id()).stream().filter(a -> a.endsAt().isAfter(now)).toList()))
                    .toList();
            return new PublicAgenda(municipality.name(), slug, trainings, current);
        });
    }

    /** Turns off campaign mail for the person the mail's link was sent to; false for an unknown link. */
    @Transactional
    public boolean optOut(String token) {
        if (!SecretTokens.looksValid(token)) {
            return false;
        }
        return repository.personOfOptOutToken(SecretTokens.hash(token)).map(person -> {
            repository.optOut(person, now());
            return true;
        }).orElse(false);
    }

    /** Whether the mail's link is known (the opt-out page asks before it changes anything). */
    @Transactional(readOnly = true)
    public boolean knownOptOutLink(String token) {
        return SecretTokens.looksValid(token) && repository.personOfOptOutToken(SecretTokens.hash(token)).isPresent();
    }

    // --- figures for the dashboard ---

    /**
     * The figures of the municipality's latest campaign that has begun, against the same weeks 52 weeks earlier;
     * empty without such a campaign. Raw numbers: the dashboard hides small ones.
     */
    @Transactional(readOnly = true)
    @RolesAllowed({Role.LEAD_ROLE, Role.ADMIN_ROLE})
    public Optional<CampaignFigures> figures(MunicipalityId municipalityId) {
        return figures(municipalityId, LocalDate.MIN, today());
    }

    /**
     * The figures of the municipality's latest campaign that began within the period and has begun, for the council
     * report and the exports of that period; empty without one.
     */
    @Transactional(readOnly = true)
    @RolesAllowed({Role.LEAD_ROLE, Role.ADMIN_ROLE, ApiCaller.ROLE})
    public Optional<CampaignFigures> figures(MunicipalityId municipalityId, LocalDate periodFrom, LocalDate periodUntil) {
        MunicipalityId municipality = figuresScope(municipalityId);
        LocalDate lastStart = periodUntil.isBefore(today()) ? periodUntil : today();
        return repository.of(municipality).stream()
                .filter(c -> !c.startsOn().isAfter(lastStart) && !c.startsOn().isBefore(periodFrom)).findFirst()
                .map(c -> new CampaignFigures(c.name(), c.startsOn(), c.endsOn(),
                        period(municipality, c.startsOn(), c.endsOn()),
                        period(municipality, c.startsOn().minusWeeks(52), c.endsOn().minusWeeks(52))));
    }

    /** Staff as everywhere; a key of the figures API (decision 031) only for its own municipality. */
    private MunicipalityId figuresScope(MunicipalityId municipalityId) {
        Optional<ApiCaller> apiCaller = ApiCaller.current();
        if (apiCaller.isEmpty()) {
            return scope(municipalityId);
        }
        if (!apiCaller.get().municipalityId().equals(municipalityId)) {
            throw new AccessDeniedException("API key of another municipality");
        }
        return municipalityId;
    }

    private CampaignFigures.Period period(MunicipalityId municipality, LocalDate from, LocalDate until) {
        OffsetDateTime start = from.atStartOfDay(SessionTimes.ZONE).toOffsetDateTime();
        OffsetDateTime end = until.plusDays(1).atStartOfDay(SessionTimes.ZONE).toOffsetDateTime();
        return new CampaignFigures.Period(from, until, repository.sessionsHeld(municipality, start, end, now()),
                repository.peopleTrained(municipality, from, until), repository.activities(municipality, start, end),
                repository.agendaSignUps(municipality, start, end));
    }
}
