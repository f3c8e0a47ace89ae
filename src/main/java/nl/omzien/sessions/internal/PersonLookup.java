package nl.omzien.sessions.internal;

import nl.omzien.base.PersonId;

import nl.omzien.base.MunicipalityId;
import nl.omzien.base.OrganisationId;
import nl.omzien.people.Organisation;
import nl.omzien.people.OrganisationDirectory;
import nl.omzien.people.PersonDirectory;
import nl.omzien.people.PersonFacts;
import nl.omzien.people.ProfessionalRegistration;
import nl.omzien.people.ProfessionalRegistrations;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The few facts about people and organisations that sessions need, from the people feature's API. */
@Component
public class PersonLookup {

    private final PersonDirectory people;
    private final OrganisationDirectory organisations;
    private final ProfessionalRegistrations registrations;

    PersonLookup(PersonDirectory people, OrganisationDirectory organisations, ProfessionalRegistrations registrations) {
        this.people = people;
        this.organisations = organisations;
        this.registrations = registrations;
    }

    /** BIG and register numbers the people gave with consent, for the PE-online attendance file. */
    public Map<PersonId, ProfessionalRegistration> registrations(java.util.Collection<PersonId> ids) {
        return registrations.of(ids);
    }

    public record Person(PersonId id, String fullName, String email, Locale locale, OrganisationId organisationId,
                         MunicipalityId municipalityId, boolean enabled) {
        static Person of(PersonFacts p) {
            return new Person(p.id(), p.fullName(), p.email(), p.locale(), p.organisationId(), p.municipalityId(), p.enabled());
        }
    }

    public Optional<Person> find(PersonId id) {
        return people.find(id).map(Person::of);
    }

    /** Enabled people of an organisation, for a contact signing up colleagues. */
    public List<Person> inOrganisation(OrganisationId organisationId) {
        return people.enabledIn(organisationId).stream().map(Person::of).toList();
    }

    public Optional<MunicipalityId> organisationMunicipality(OrganisationId organisationId) {
        return organisations.find(organisationId).map(Organisation::municipalityId);
    }

    /** Organisations of a municipality (id to name, by name), for a closed session. */
    public Map<OrganisationId, String> organisationsIn(MunicipalityId municipalityId) {
        Map<OrganisationId, String> names = new LinkedHashMap<>();
        organisations.inMunicipality(municipalityId).forEach(o -> names.put(o.id(), o.name()));
        return names;
    }
}
