package nl.omzien.people;

import nl.omzien.base.PersonId;
import nl.omzien.people.internal.JooqProfessionalRegistrationRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.Collection;
import java.util.Map;

/**
 * People's registration numbers for another feature that must pass them on (sessions' PE-online attendance file).
 * Only numbers given with consent exist. The caller checks who may see them and logs the export.
 */
@Service
public class ProfessionalRegistrations {

    private final JooqProfessionalRegistrationRepository registrations;

    ProfessionalRegistrations(JooqProfessionalRegistrationRepository registrations) {
        this.registrations = registrations;
    }

    @Transactional(readOnly = true)
    public Map<PersonId, ProfessionalRegistration> of(Collection<PersonId> people) {
        return registrations.of(people);
    }
}
