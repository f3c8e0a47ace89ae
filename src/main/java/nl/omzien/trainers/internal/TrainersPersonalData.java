package nl.omzien.trainers.internal;

import nl.omzien.base.PersonalDataSection;
import nl.omzien.base.PersonalDataSubject;
import org.springframework.stereotype.Component;

import java.util.Map;

/**
 * A person's trainer qualifications and their progress on the trainer path. Erasing deletes them: a deleted account
 * gives no sessions, and the evidence text may name the person. Sessions given stay counted by sessions.
 */
@Component
class TrainersPersonalData implements PersonalDataSection {

    private final JooqTrainerRepository repository;

    TrainersPersonalData(JooqTrainerRepository repository) {
        this.repository = repository;
    }

    @Override
    public String name() {
        return "trainers";
    }

    @Override
    public Map<String, ?> export(PersonalDataSubject subject) {
        return Map.of("qualification", repository.allOf(subject.userId()),
                "candidate", repository.candidate(subject.userId()).stream().toList(),
                "trainer_rule", java.util.List.of());
    }

    @Override
    public void erase(PersonalDataSubject subject) {
        repository.deleteOf(subject.userId());
    }
}
