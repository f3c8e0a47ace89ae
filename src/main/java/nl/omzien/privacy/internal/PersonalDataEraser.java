package nl.omzien.privacy.internal;

import nl.omzien.base.PersonId;
import nl.omzien.base.PersonalDataAccessed;
import nl.omzien.base.PersonalDataSection;
import nl.omzien.base.PersonalDataSubject;
import nl.omzien.privacy.PersonalDataSubjects;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Erases one person in every feature, in the caller's transaction: all sections or none. Shared by
 * account deletion and the retention job; authorisation is the caller's job.
 */
@Component
public class PersonalDataEraser {

    private final List<PersonalDataSection> sections;
    private final PersonalDataSubjects subjects;
    private final ApplicationEventPublisher events;

    PersonalDataEraser(List<PersonalDataSection> sections, PersonalDataSubjects subjects, ApplicationEventPublisher events) {
        this.sections = sections.stream().sorted(Comparator.comparingInt(PersonalDataSection::erasureOrder)).toList();
        this.subjects = subjects;
        this.events = events;
    }

    /** @return false when there was nothing left to erase (unknown or already anonymised account) */
    public boolean erase(PersonId userId, String why) {
        Optional<PersonalDataSubject> subject = subjects.liveLocked(userId);
        if (subject.isEmpty()) {
            return false;
        }
        events.publishEvent(PersonalDataAccessed.of(PersonalDataAccessed.Action.DELETED, userId, why));
        for (PersonalDataSection section : sections) {
            section.erase(subject.get());
        }
        return true;
    }

    public List<PersonalDataSection> sections() {
        return sections;
    }
}
