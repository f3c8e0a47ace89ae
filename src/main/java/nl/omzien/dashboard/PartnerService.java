package nl.omzien.dashboard;

import jakarta.annotation.security.RolesAllowed;
import nl.omzien.base.InvalidInputException;
import nl.omzien.base.MunicipalityId;
import nl.omzien.base.OrganisationId;
import nl.omzien.certificates.ColleagueProgress;
import nl.omzien.certificates.ColleagueProgressService;
import nl.omzien.dashboard.internal.JooqDashboardQuery;
import nl.omzien.dashboard.internal.JooqDashboardQuery.OrganisationRow;
import nl.omzien.dashboard.internal.JooqPartnerQuery;
import nl.omzien.dashboard.internal.JooqPartnerQuery.PartnerRow;
import nl.omzien.people.Municipality;
import nl.omzien.security.CurrentUser;
import nl.omzien.security.Role;
import nl.omzien.security.SignedInUser;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.security.SecureRandom;
import java.text.Normalizer;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * Omzien-partners that can show it (issue 21, decision 027): an organisation's status for its own contact
 * and the coalition lead, the public partner page behind the sticker's QR code, the public list per
 * municipality, and the coalition's partner settings. An organisation becomes a partner on the day it
 * first meets the rule ({@link #recordNewPartners()}); the status then holds while the rule is met and
 * until the validity ends, after which the lead renews it.
 */
@Service
public class PartnerService {

    /** How far ahead a contact sees certificates expiring. */
    public static final int EXPIRY_HORIZON_DAYS = 90;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JooqPartnerQuery partners;
    private final JooqDashboardQuery query;
    private final ColleagueProgressService colleagues;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final String baseUrl;

    PartnerService(JooqPartnerQuery partners, JooqDashboardQuery query, ColleagueProgressService colleagues, CurrentUser currentUser,
                   Clock clock, @Value("${omzien.base-url}") String baseUrl) {
        this.partners = partners;
        this.query = query;
        this.colleagues = colleagues;
        this.currentUser = currentUser;
        this.clock = clock;
        this.baseUrl = baseUrl.replaceAll("/+$", "");
    }

    /**
     * One organisation's status: an admin any, a coalition lead those of their municipality, an
     * organisation contact only their own organisation (checked here, whatever the page asks for).
     */
    @Transactional(readOnly = true)
    @RolesAllowed({Role.ADMIN_ROLE, Role.LEAD_ROLE, Role.ORG_CONTACT_ROLE})
    public PartnerStatus status(OrganisationId organisationId) {
        OrganisationRow row = query.organisation(organisationId).orElseThrow(() -> new NoSuchElementException("No such organisation"));
        requireMaySee(currentUser.require(), row);
        return status(row, partners.partner(organisationId).orElse(null));
    }

    /**
     * The signed-in contact's own organisation: status, who has not started (names, only for their own
     * organisation) and the certificates expiring in the next {@link #EXPIRY_HORIZON_DAYS} days.
     */
    @Transactional(readOnly = true)
    @RolesAllowed(Role.ORG_CONTACT_ROLE)
    public OrganisationStatus myOrganisation() {
        SignedInUser user = currentUser.require();
        if (user.organisationId() == null) {
            throw new AccessDeniedException("Not the contact of an organisation");
        }
        PartnerStatus status = status(user.organisationId());
        // Colleagues are the contact's own organisation's, decided by the server from the signed-in user.
        List<ColleagueProgress> people = colleagues.myOrganisation();
        LocalDate today = LocalDate.now(clock);
        List<String> notStarted = people.stream().filter(c -> !c.started() && !c.certified())
                .map(ColleagueProgress::fullName).sorted(String.CASE_INSENSITIVE_ORDER).toList();
        List<OrganisationStatus.Expiring> expiring = people.stream()
                .filter(c -> c.certified() && c.certificateExpiresOn() != null
                        && !c.certificateExpiresOn().isAfter(today.plusDays(EXPIRY_HORIZON_DAYS)))
                .map(c -> new OrganisationStatus.Expiring(c.fullName(), c.certificateExpiresOn()))
                .sorted(Comparator.comparing(OrganisationStatus.Expiring::expiresOn)).toList();
        return new OrganisationStatus(status, notStarted, expiring);
    }

    /** Every organisation of the municipality that was ever a partner, with its status now. */
    @Transactional(readOnly = true)
    @RolesAllowed({Role.ADMIN_ROLE, Role.LEAD_ROLE})
    public List<PartnerStatus> partnersOf(MunicipalityId municipalityId) {
        requireLeadOf(currentUser.require(), municipalityId);
        return statuses(municipalityId).stream().filter(s -> s.since() != null).toList();
    }

    /** Renews an expired (or expiring) recognition for the coalition's validity from today; only while the rule is met. */
    @Transactional
    @RolesAllowed({Role.ADMIN_ROLE, Role.LEAD_ROLE})
    public PartnerStatus renew(OrganisationId organisationId) {
        OrganisationRow row = query.organisation(organisationId).orElseThrow(() -> new NoSuchElementException("No such organisation"));
        requireLeadOf(currentUser.require(), row.municipalityId());
        PartnerRule rule = query.partnerRule(row.municipalityId());
        if (!rule.isPartner(row.trainedTotal(), row.staff())) {
            throw new InvalidInputException(Map.of("organisation", "partner.renew.rule-not-met"));
        }
        LocalDate today = LocalDate.now(clock);
        LocalDate until = validUntil(today, partners.settings(row.municipalityId()));
        if (partners.partner(organisationId).isEmpty()) {
            partners.insert(organisationId, newPublicId(), today, until);
        } else {
            partners.renew(organisationId, today, until);
        }
        return status(row, partners.partner(organisationId).orElseThrow());
    }

    @Transactional(readOnly = true)
    @RolesAllowed({Role.ADMIN_ROLE, Role.LEAD_ROLE})
    public PartnerSettings settings(MunicipalityId municipalityId) {
        requireLeadOf(currentUser.require(), municipalityId);
        return partners.settings(municipalityId);
    }

    @Transactional
    @RolesAllowed({Role.ADMIN_ROLE, Role.LEAD_ROLE})
    public void saveSettings(MunicipalityId municipalityId, Integer validityMonths, boolean publicList) {
        requireLeadOf(currentUser.require(), municipalityId);
        new InvalidInputException.Checks()
                .require("validity", validityMonths)
                .fail("validity", "partner.validity-range", validityMonths != null && (validityMonths < 1 || validityMonths > 120))
                .throwIfAny();
        partners.saveSettings(municipalityId, new PartnerSettings(validityMonths, publicList));
    }

    /** The public page behind a sticker's QR code; empty for an id nobody has. No sign-in, no counts, no names of people. */
    @Transactional(readOnly = true)
    public Optional<PublicPartner> publicPage(String publicId) {
        if (publicId == null || !publicId.matches("[A-Za-z0-9_-]{20,64}")) {
            return Optional.empty();
        }
        return partners.byPublicId(publicId).flatMap(p -> query.organisation(p.organisationId()).map(row -> {
            PartnerStatus s = status(row, p);
            return new PublicPartner(s.organisation(), s.municipality(), s.since(), s.validUntil(), s.state());
        }));
    }

    /**
     * The public list of a municipality's current partners, by the municipality's address name (e.g.
     * {@code coevorden}); empty for an unknown one and when its coalition lead switched the list off.
     */
    @Transactional(readOnly = true)
    public Optional<PublicPartnerList> publicList(String municipalitySlug) {
        Optional<Municipality> municipality = query.municipalities().stream().filter(m -> slug(m.name()).equals(municipalitySlug)).findFirst();
        if (municipality.isEmpty() || !partners.settings(municipality.get().id()).publicList()) {
            return Optional.empty();
        }
        List<PublicPartnerList.Entry> current = statuses(municipality.get().id()).stream()
                .filter(s -> s.state() == PartnerState.PARTNER)
                .sorted(Comparator.comparing(PartnerStatus::organisation, String.CASE_INSENSITIVE_ORDER))
                .map(s -> new PublicPartnerList.Entry(s.organisation(), s.since(), s.validUntil(), s.publicId())).toList();
        return Optional.of(new PublicPartnerList(municipality.get().name(), current));
    }

    /** A municipality's name (public anyway: it is in every public address). */
    @Transactional(readOnly = true)
    public String municipalityName(MunicipalityId municipalityId) {
        return query.municipalityName(municipalityId).orElse("");
    }

    /** The public page's full address, as in the sticker's QR code. */
    public String pageUrl(String publicId) {
        return baseUrl + "/partner/" + publicId;
    }

    /** The public list's full address for a municipality. */
    public String listUrl(String municipalityName) {
        return baseUrl + "/partners/" + slug(municipalityName);
    }

    /** A municipality's name as it appears in the public list's address: lower case, letters and digits, dashes. */
    public static String slug(String name) {
        return nl.omzien.base.Slugs.of(name);
    }

    /**
     * Records today as "partner since" for every organisation that meets its coalition's rule and has no
     * record yet. Called in the transaction of every event that can change the counts (after the read
     * model is updated) and after a rule change, so the day is the day it happened (decision 027).
     */
    @Transactional
    public void recordNewPartners() {
        List<JooqPartnerQuery.Candidate> candidates = partners.candidates();
        if (candidates.isEmpty()) {
            return;
        }
        Map<MunicipalityId, PartnerRule> rules = query.partnerRules();
        Map<MunicipalityId, PartnerSettings> settings = partners.allSettings();
        LocalDate today = LocalDate.now(clock);
        for (JooqPartnerQuery.Candidate c : candidates) {
            if (rules.getOrDefault(c.municipalityId(), PartnerRule.DEFAULT).isPartner(c.trained(), c.staff())) {
                partners.insert(c.organisationId(), newPublicId(), today,
                        validUntil(today, settings.getOrDefault(c.municipalityId(), PartnerSettings.DEFAULT)));
            }
        }
    }

    /** Statuses of one municipality's organisations (for the dashboard's partner column too). */
    List<PartnerStatus> statuses(MunicipalityId municipalityId) {
        List<OrganisationRow> rows = query.organisations(municipalityId, LocalDate.of(2000, 1, 1), LocalDate.of(2000, 1, 1));
        Map<OrganisationId, PartnerRow> records = partners.partners(rows.stream().map(OrganisationRow::id).toList());
        return rows.stream().map(row -> status(row, records.get(row.id()))).toList();
    }

    /** Each organisation's state today (validity and rule), for the dashboard's partner column (DashboardService checks who asks). */
    public Map<OrganisationId, PartnerState> states(List<OrganisationRow> rows, Map<MunicipalityId, PartnerRule> rules) {
        Map<OrganisationId, PartnerRow> records = partners.partners(rows.stream().map(OrganisationRow::id).toList());
        LocalDate today = LocalDate.now(clock);
        Map<OrganisationId, PartnerState> states = new java.util.HashMap<>();
        for (OrganisationRow row : rows) {
            PartnerRow record = records.get(row.id());
            states.put(row.id(), PartnerState.on(today, record == null ? null : record.since(), record == null ? null : record.validUntil(),
                    rules.getOrDefault(row.municipalityId(), PartnerRule.DEFAULT).isPartner(row.trainedTotal(), row.staff())));
        }
        return states;
    }

    private PartnerStatus status(OrganisationRow row, PartnerRow record) {
        PartnerRule rule = query.partnerRule(row.municipalityId());
        boolean met = rule.isPartner(row.trainedTotal(), row.staff());
        PartnerState state = PartnerState.on(LocalDate.now(clock), record == null ? null : record.since(),
                record == null ? null : record.validUntil(), met);
        return new PartnerStatus(row.id(), row.name(), row.municipalityId(), query.municipalityName(row.municipalityId()).orElse(""),
                row.trainedTotal(), row.staff(), rule, record == null ? null : record.since(), record == null ? null : record.validUntil(),
                record == null ? null : record.publicId(), state);
    }

    /** The last valid day: a recognition from 10 March for 24 months holds until 9 March two years on. */
    static LocalDate validUntil(LocalDate from, PartnerSettings settings) {
        return from.plusMonths(settings.validityMonths()).minusDays(1);
    }

    /** 128 random bits, URL-safe: the public page's address cannot be guessed or counted through. */
    private static String newPublicId() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static void requireMaySee(SignedInUser user, OrganisationRow row) {
        if (user.isAdmin()) {
            return;
        }
        if (user.has(Role.COALITION_LEAD) && row.municipalityId().equals(user.municipalityId())) {
            return;
        }
        if (user.has(Role.ORG_CONTACT) && row.id().equals(user.organisationId())) {
            return;
        }
        throw new AccessDeniedException("Partner status of an organisation outside this person's reach");
    }

    private static void requireLeadOf(SignedInUser user, MunicipalityId municipalityId) {
        if (user.isAdmin()) {
            return;
        }
        if (!user.has(Role.COALITION_LEAD) || municipalityId == null || !municipalityId.equals(user.municipalityId())) {
            throw new AccessDeniedException("Partners outside the lead's municipality");
        }
    }
}
