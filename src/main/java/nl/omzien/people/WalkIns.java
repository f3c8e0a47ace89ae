package nl.omzien.people;

import nl.omzien.base.InvalidInputException;
import nl.omzien.base.MunicipalityId;
import nl.omzien.base.OrganisationId;
import nl.omzien.base.PersonId;
import nl.omzien.base.PersonalDataAccessed;
import nl.omzien.base.PlainText;
import nl.omzien.people.internal.JooqOrganisationRepository;
import nl.omzien.people.internal.JooqUserAccountRepository;
import nl.omzien.security.CurrentUser;
import nl.omzien.security.Role;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.Objects;
import java.util.Optional;

/**
 * People added at the door of a group session (issue 20): name and organisation, e-mail optional. An address
 * that already has an account means that account: nobody gets a second one. A walk-in without an address can
 * get one later; if it belongs to an existing account, the walk-in joins it ({@link PersonsMerged}).
 * Trainers and leads of the organisation's municipality; admins everywhere.
 */
@Service
public class WalkIns {

    private final JooqUserAccountRepository accounts;
    private final JooqOrganisationRepository organisations;
    private final CurrentUser currentUser;
    private final ApplicationEventPublisher events;

    WalkIns(JooqUserAccountRepository accounts, JooqOrganisationRepository organisations, CurrentUser currentUser,
            ApplicationEventPublisher events) {
        this.accounts = accounts;
        this.organisations = organisations;
        this.currentUser = currentUser;
        this.events = events;
    }

    /** A walk-in's name, organisation and (optional) e-mail address, as typed at the door. */
    public record WalkIn(String fullName, OrganisationId organisationId, String email) {
    }

    /** What adding someone at the door led to. */
    public record Added(PersonId personId, boolean existingAccount) {
    }

    /**
     * Adds a walk-in in the organisation (which must lie in {@code municipalityId}, the session's) or, when the
     * address already has an account, returns that account.
     */
    @Transactional
    @RolesAllowed({Role.TRAINER_ROLE, Role.LEAD_ROLE, Role.ADMIN_ROLE})
    public Added add(WalkIn walkIn, MunicipalityId municipalityId) {
        String email = walkIn.email() == null || walkIn.email().isBlank() ? null : walkIn.email().trim();
        new InvalidInputException.Checks()
                .require("fullName", walkIn.fullName())
                .length("fullName", walkIn.fullName(), 2, 150)
                .singleLine("fullName", walkIn.fullName())
                .fail("organisation", "validation.required", walkIn.organisationId() == null)
                .email("email", email)
                .throwIfAny();
        Organisation organisation = organisations.findById(walkIn.organisationId())
                .orElseThrow(() -> new AccessDeniedException("No such organisation"));
        if (!Objects.equals(organisation.municipalityId(), municipalityId)) {
            throw new AccessDeniedException("Organisation outside the session's municipality");
        }
        requireScope(municipalityId);
        if (email != null && PlainText.isSingleLine(email)) {
            Optional<PersonId> existing = accountAtTheDoor(email, municipalityId);
            if (existing.isPresent()) {
                return new Added(existing.get(), true);
            }
        }
        PersonId id = accounts.insertWalkIn(walkIn.fullName().trim(), email, organisation.id(), currentUser.require().accountId());
        events.publishEvent(new PersonPlacementChanged(id, organisation.id(), null));
        return new Added(id, false);
    }

    /**
     * Gives a walk-in the address they gave later. When that address already has an account, the walk-in joins
     * it: registrations and certificates move, the walk-in is disabled. Returns the account that has the address now.
     */
    @Transactional
    @RolesAllowed({Role.TRAINER_ROLE, Role.LEAD_ROLE, Role.ADMIN_ROLE})
    public PersonId giveEmail(PersonId walkInId, String email) {
        new InvalidInputException.Checks().require("email", email).email("email", email).throwIfAny();
        JooqUserAccountRepository.WalkInRow walkIn = accounts.lockWalkIn(walkInId)
                .orElseThrow(() -> new AccessDeniedException("Not a walk-in"));
        if (walkIn.email() != null || walkIn.mergedInto() != null) {
            throw new InvalidInputException(java.util.Map.of("email", "walk-in.has-email"));
        }
        MunicipalityId municipality = walkIn.organisationId() == null ? null
                : organisations.findById(walkIn.organisationId()).map(Organisation::municipalityId).orElse(null);
        requireScope(municipality);
        Optional<PersonId> existing = accountAtTheDoor(email.trim(), municipality);
        events.publishEvent(PersonalDataAccessed.of(PersonalDataAccessed.Action.CHANGED, walkInId, "walk-in-email"));
        if (existing.isEmpty()) {
            accounts.setWalkInEmail(walkInId, email.trim());
            return walkInId;
        }
        PersonId into = existing.get();
        accounts.markMerged(walkInId, into);
        events.publishEvent(new PersonsMerged(walkInId, into));
        // The walk-in leaves their organisation, so they count nowhere; the account they joined counts.
        events.publishEvent(new PersonPlacementChanged(walkInId, null, null));
        return into;
    }

    /**
     * The account an address typed at the door stands for. Only an enabled participant of the session's
     * municipality: any other account would let a trainer book, mark present and see someone who is not theirs
     * to train (another municipality's participant, staff, a closed account). The message names nobody.
     */
    private Optional<PersonId> accountAtTheDoor(String email, MunicipalityId municipalityId) {
        Optional<PersonId> existing = accounts.idByEmail(email);
        if (existing.isPresent() && accounts.findById(existing.get())
                .filter(a -> a.enabled() && municipalityId != null && municipalityId.equals(a.municipalityId())
                        && a.roles().stream().noneMatch(Role::isStaff)).isEmpty()) {
            throw new InvalidInputException(java.util.Map.of("email", "walk-in.email-not-usable"));
        }
        return existing;
    }

    private void requireScope(MunicipalityId municipalityId) {
        var user = currentUser.require();
        if (user.isAdmin()) {
            return;
        }
        if (municipalityId == null || !Objects.equals(user.municipalityId(), municipalityId)) {
            throw new AccessDeniedException("Outside the signed-in person's municipality");
        }
    }
}
