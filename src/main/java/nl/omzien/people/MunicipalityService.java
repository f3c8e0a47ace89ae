package nl.omzien.people;

import nl.omzien.base.MunicipalityId;

import nl.omzien.base.InvalidInputException;
import nl.omzien.base.PlainText;

import jakarta.annotation.security.RolesAllowed;
import nl.omzien.people.internal.JooqMunicipalityRepository;
import nl.omzien.security.CurrentUser;
import nl.omzien.security.Role;
import nl.omzien.security.SignedInUser;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;

/** Municipalities: an admin manages them; staff see their own. */
@Service
public class MunicipalityService {

    private final JooqMunicipalityRepository municipalities;
    private final CurrentUser currentUser;

    MunicipalityService(JooqMunicipalityRepository municipalities, CurrentUser currentUser) {
        this.municipalities = municipalities;
        this.currentUser = currentUser;
    }

    /** The municipalities the signed-in person works in: all for an admin. */
    @Transactional(readOnly = true)
    @RolesAllowed({Role.ADMIN_ROLE, Role.LEAD_ROLE, Role.TRAINER_ROLE})
    public List<Municipality> visible() {
        SignedInUser user = currentUser.require();
        if (user.isAdmin()) {
            return municipalities.findAll();
        }
        return user.municipalityId() == null ? List.of()
                : municipalities.findById(user.municipalityId()).stream().toList();
    }

    @Transactional
    @RolesAllowed(Role.ADMIN_ROLE)
    public Municipality save(MunicipalityId id, String name) {
        String trimmed = name == null ? "" : name.trim();
        new InvalidInputException.Checks()
                .require("name", trimmed)
                .length("name", trimmed, 2, 100)
                .singleLine("name", trimmed)
                .fail("name", "municipality.name-taken", !trimmed.isBlank() && PlainText.isSingleLine(trimmed)
                        && municipalities.nameTaken(trimmed, id))
                .throwIfAny();
        if (id == null) {
            return new Municipality(municipalities.insert(trimmed), trimmed);
        }
        municipalities.findById(id).orElseThrow(() -> new AccessDeniedException("No such municipality"));
        municipalities.rename(id, trimmed);
        return new Municipality(id, trimmed);
    }
}
