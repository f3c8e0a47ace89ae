package nl.omzien.people;

import jakarta.annotation.security.RolesAllowed;
import nl.omzien.base.InvalidInputException;
import nl.omzien.base.MunicipalityId;
import nl.omzien.base.PlainText;
import nl.omzien.people.internal.JooqSectorRepository;
import nl.omzien.security.CurrentUser;
import nl.omzien.security.Role;
import nl.omzien.security.SignedInUser;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Sectors per coalition (issue 21): the built-in ones plus those a coalition lead adds for their
 * municipality (an admin for any), each with the audience variant its staff get. Sector names are not
 * personal data: looking one up by code needs no role (the dashboard, public pages).
 */
@Service
public class SectorService {

    private final JooqSectorRepository sectors;
    private final CurrentUser currentUser;
    private final nl.omzien.base.Translations translations;

    SectorService(JooqSectorRepository sectors, CurrentUser currentUser, nl.omzien.base.Translations translations) {
        this.sectors = sectors;
        this.currentUser = currentUser;
        this.translations = translations;
    }

    /** What an organisation of this municipality may choose: the built-in sectors, then the coalition's own. */
    @Transactional(readOnly = true)
    public List<Sector> choices(MunicipalityId municipalityId) {
        List<Sector> all = new ArrayList<>(Sector.values());
        if (municipalityId != null) {
            all.addAll(sectors.added(municipalityId));
        }
        return all;
    }

    /** The sectors a coalition added; staff of that municipality (any for an admin). */
    @Transactional(readOnly = true)
    @RolesAllowed({Role.ADMIN_ROLE, Role.LEAD_ROLE, Role.TRAINER_ROLE})
    public List<Sector> added(MunicipalityId municipalityId) {
        requireOwn(currentUser.require(), municipalityId);
        return sectors.added(municipalityId);
    }

    /** A sector by its stored code, built-in or added; empty for a code nobody knows. */
    @Transactional(readOnly = true)
    public Optional<Sector> byCode(String code) {
        if (code == null) {
            return Optional.empty();
        }
        Optional<Sector> builtIn = Sector.builtInCode(code);
        return builtIn.isPresent() ? builtIn : sectors.added(code);
    }

    /** Many codes at once (a dashboard breakdown), keyed by code; unknown codes are absent. */
    @Transactional(readOnly = true)
    public Map<String, Sector> byCodes(Collection<String> codes) {
        Map<String, Sector> found = new HashMap<>();
        List<String> other = new ArrayList<>();
        for (String code : codes) {
            Sector.builtInCode(code).ifPresentOrElse(s -> found.put(code, s), () -> other.add(code));
        }
        if (!other.isEmpty()) {
            sectors.added(other).forEach(s -> found.put(s.code(), s));
        }
        return found;
    }

    /**
     * Adds a sector to the municipality ({@code code} null) or changes an added one. The Dutch name is
     * required and unique in the municipality, also against the built-in sectors' names (a second
     * "Kapper" would split one sector in two on the dashboard); the English one is optional.
     */
    @Transactional
    @RolesAllowed({Role.ADMIN_ROLE, Role.LEAD_ROLE})
    public Sector save(MunicipalityId municipalityId, String code, String nameNl, String nameEn, Audience audience) {
        SignedInUser user = currentUser.require();
        String nl = nameNl == null ? "" : nameNl.trim();
        String en = nameEn == null || nameEn.isBlank() ? null : nameEn.trim();
        new InvalidInputException.Checks()
                .require("municipality", municipalityId)
                .require("nameNl", nl)
                .length("nameNl", nl, 2, 60)
                .singleLine("nameNl", nl)
                .length("nameEn", en, 2, 60)
                .singleLine("nameEn", en)
                .require("audience", audience)
                .fail("nameNl", "sectors.name-taken", municipalityId != null && !nl.isBlank() && PlainText.isSingleLine(nl)
                        && (builtInName(nl) || sectors.nameTaken(municipalityId, nl, code)))
                .throwIfAny();
        requireLead(user, municipalityId);
        if (code == null) {
            return new Sector(sectors.insert(municipalityId, nl, en, audience), audience, nl, en);
        }
        MunicipalityId owner = sectors.municipalityOf(code).orElseThrow(() -> new AccessDeniedException("No such sector"));
        if (!owner.equals(municipalityId)) {
            throw new AccessDeniedException("Sector of another municipality");
        }
        sectors.update(code, nl, en, audience);
        return new Sector(code, audience, nl, en);
    }

    private boolean builtInName(String name) {
        return Sector.values().stream().anyMatch(s -> nl.omzien.base.Translations.SUPPORTED.stream()
                .anyMatch(locale -> translations.getTranslation(s.translationKey(), locale).equalsIgnoreCase(name)));
    }

    private static void requireOwn(SignedInUser user, MunicipalityId municipalityId) {
        if (!user.isAdmin() && (municipalityId == null || !municipalityId.equals(user.municipalityId()))) {
            throw new AccessDeniedException("Sectors of another municipality");
        }
    }

    private static void requireLead(SignedInUser user, MunicipalityId municipalityId) {
        requireOwn(user, municipalityId);
        if (!user.isAdmin() && !user.has(Role.COALITION_LEAD)) {
            throw new AccessDeniedException("Only a coalition lead adds sectors");
        }
    }
}
