package nl.omzien.requests.internal;

import nl.omzien.base.PersonalDataSection;
import nl.omzien.base.PersonalDataSubject;
import org.springframework.stereotype.Component;

import java.util.Map;

/**
 * Requests someone made (or was assigned as trainer) and the steps they took. Erasing blanks the requester's name,
 * address and remarks (which may name people); the request itself stays in the coalition's history.
 */
@Component
class RequestsPersonalData implements PersonalDataSection {

    private final JooqRequestRepository repository;

    RequestsPersonalData(JooqRequestRepository repository) {
        this.repository = repository;
    }

    @Override
    public String name() {
        return "requests";
    }

    @Override
    public Map<String, ?> export(PersonalDataSubject subject) {
        return Map.of("training_request", repository.requestsOf(subject.userId()),
                "request_event", repository.eventsBy(subject.userId()));
    }

    @Override
    public void erase(PersonalDataSubject subject) {
        repository.eraseRequester(subject.userId(), subject.emails());
    }
}
