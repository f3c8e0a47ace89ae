package nl.omzien.people;

import nl.omzien.base.OrganisationId;

import nl.omzien.base.MunicipalityId;
import nl.omzien.base.InvalidInputException;
import nl.omzien.base.PlainText;

import jakarta.annotation.security.RolesAllowed;
import nl.omzien.people.internal.JooqOrganisationRepository;
import nl.omzien.people.internal.JooqProfileRepository;
import nl.omzien.security.CurrentUser;
import nl.omzien.security.Role;
import nl.omzien.security.SignedInUser;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;
import java.util.Optional;

/**
 * Organisations whose staff take the training. An admin manages all; a coalition lead manages
 * those of their own municipality; a trainer sees those of their municipality.
 */
@Service
public class OrganisationService {

    private final JooqOrganisationRepository organisations;
    private final JooqProfileRepository profiles;
    private final nl.omzien.people.internal.JooqSectorRepository sectors;
    private final CurrentUser currentUser;
    private final ApplicationEventPublisher events;

    OrganisationService(JooqOrganisationRepository organisations, JooqProfileRepository profiles,
                        nl.omzien.people.internal.JooqSectorRepository sectors, CurrentUser currentUser,
                        ApplicationEventPublisher events) {
        this.organisations = organisations;
        this.profiles = profiles;
        this.sectors = sectors;
        this.currentUser = currentUser;
        this.events = events;
    }

    @Transactional(readOnly = true)
    @RolesAllowed({Role.ADMIN_ROLE, Role.LEAD_ROLE, Role.TRAINER_ROLE})
    public List<Organisation> visible() {
        SignedInUser user = currentUser.require();
        if (user.isAdmin()) {
            return organisations.find(null);
        }
        return user.municipalityId() == null ? List.of() : organisations.find(user.municipalityId());
    }

    /**
     * The training variant for the signed-in person: the one they chose on their profile, else their
     * organisation's sector decides; professional otherwise.
     */
    @Transactional(readOnly = true)
    public Audience audienceOfCurrentUser() {
        Optional<Audience> chosen = currentUser.find().flatMap(user -> profiles.chosenAudience(user.accountId()));
        if (chosen.isPresent()) {
            return chosen.get();
        }
        return currentUser.find().map(SignedInUser::organisationId)
                .flatMap(organisations::findById)
                .map(organisation -> organisation.sector().audience())
                .orElse(Audience.PROFESSIONAL);
    }

    /** Whether the signed-in person may create or change organisations (in their municipality). */
    public boolean canManage() {
        return currentUser.find().map(u -> u.isAdmin() || u.has(Role.COALITION_LEAD)).orElse(false);
    }

    @Transactional
    @RolesAllowed({Role.ADMIN_ROLE, Role.LEAD_ROLE})
    public OrganisationId save(OrganisationDraft draft) {
        SignedInUser user = currentUser.require();
        new InvalidInputException.Checks()
                .require("name", draft.getName())
                .length("name", draft.getName(), 2, 150)
                .singleLine("name", draft.getName())
                .require("sector", draft.getSector())
                .require("municipality", draft.getMunicipality())
                // A sector a coalition added belongs to its municipality only.
                .fail("sector", "sectors.other-municipality", draft.getSector() != null && draft.getMunicipality() != null
                        && Sector.builtInCode(draft.getSector().code()).isEmpty() && !sectors.municipalityOf(draft.getSector().code())
                            .map(draft.getMunicipality().id()::equals).orElse(false))
                .email("contactEmail", draft.getContactEmail())
                .length("village", draft.getVillage(), 2, 100)
                .singleLine("village", draft.getVillage())
                .fail("name", "organisation.name-taken", draft.getMunicipality() != null && draft.getName() != null
                        && !draft.getName().isBlank() && PlainText.isSingleLine(draft.getName())
                        && organisations.nameTaken(draft.getMunicipality().id(), draft.getName().trim(), draft.getId()))
                .throwIfAny();
        requireOwnMunicipality(user, draft.getMunicipality().id());
        OrganisationId id;
        if (draft.getId() == null) {
            id = organisations.insert(draft);
        } else {
            Organisation existing = organisations.findById(draft.getId())
                    .orElseThrow(() -> new AccessDeniedException("No such organisation"));
            requireOwnMunicipality(user, existing.municipalityId());
            organisations.update(draft);
            id = draft.getId();
        }
        publishChanged(id);
        return id;
    }

    /** As stored (trimmed, blank village as null), so listeners see what the table holds. */
    private void publishChanged(OrganisationId id) {
        Organisation saved = organisations.findById(id).orElseThrow();
        events.publishEvent(new OrganisationChanged(saved.id(), saved.municipalityId(), saved.sector().name(), saved.village()));
    }

    private static void requireOwnMunicipality(SignedInUser user, MunicipalityId municipalityId) {
        if (!user.isAdmin() && (user.municipalityId() == null || !user.municipalityId().equals(municipalityId))) {
            throw new AccessDeniedException("Organisation outside the coalition lead's municipality");
        }
    }
}
