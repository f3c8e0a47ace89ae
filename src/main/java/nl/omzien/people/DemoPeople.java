package nl.omzien.people;

import nl.omzien.base.MunicipalityId;
import nl.omzien.base.OrganisationId;
import nl.omzien.base.PersonId;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The municipalities, organisations and people as the people step of the demo story ({@link PeopleDemo})
 * leaves them, handed to the other features' demo steps so they need not look them up in this feature's
 * tables. On a database that already had data it holds what was there.
 *
 * @param municipalities id by name
 * @param organisations  in the order they were added
 * @param people         by e-mail address, in the order they were added
 */
public record DemoPeople(Map<String, MunicipalityId> municipalities, List<Organisation> organisations, Map<String, Person> people) {

    public record Organisation(OrganisationId id, String name, MunicipalityId municipalityId) { }

    /** @param audience the training variant their organisation's sector gives; staff without one get PROFESSIONAL */
    public record Person(PersonId id, String email, String fullName, OrganisationId organisationId, Audience audience) { }

    public Optional<MunicipalityId> municipality(String name) {
        return Optional.ofNullable(municipalities.get(name));
    }

    /** The first organisation by that name (names are unique within a municipality). */
    public Optional<OrganisationId> organisation(String name) {
        return organisations.stream().filter(o -> o.name().equals(name)).map(Organisation::id).findFirst();
    }

    public Optional<Person> person(String email) {
        return Optional.ofNullable(people.get(email));
    }

    /** Everyone whose organisation lies in the municipality, in the order they were added. */
    public List<PersonId> peopleIn(MunicipalityId municipalityId) {
        var organisationsThere = organisations.stream().filter(o -> o.municipalityId().equals(municipalityId))
                .map(Organisation::id).toList();
        return people.values().stream().filter(p -> organisationsThere.contains(p.organisationId()))
                .map(Person::id).toList();
    }
}
