package nl.omzien.people;

import nl.omzien.base.MunicipalityId;
import nl.omzien.base.OrganisationId;
import nl.omzien.people.internal.JooqOrganisationRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;
import java.util.Optional;

/**
 * Organisations by id or municipality without a signed-in user, for the invite flows: whoever holds an
 * invite link may see the organisation (and, on a session link, the others in its municipality) it
 * points at. Views must not call it with an id from anywhere else; staff use {@link OrganisationService}.
 */
@Service
public class OrganisationDirectory {

    private final JooqOrganisationRepository organisations;

    OrganisationDirectory(JooqOrganisationRepository organisations) {
        this.organisations = organisations;
    }

    @Transactional(readOnly = true)
    public Optional<Organisation> find(OrganisationId organisationId) {
        return organisations.findById(organisationId);
    }

    @Transactional(readOnly = true)
    public List<Organisation> inMunicipality(MunicipalityId municipalityId) {
        return organisations.find(municipalityId);
    }
}
