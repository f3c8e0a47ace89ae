package nl.omzien.trainers.internal;

import nl.omzien.certificates.CertificateIssued;
import nl.omzien.sessions.SessionAttended;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Notes the steps of the trainer path as they happen, in the transaction that records them: the path's certificate
 * (its modules and a session), and attending a train-the-trainer session (one with the trainer module). The first
 * session given beside a qualified trainer is found by {@link TrainerJobs} once it has taken place.
 */
@Component
class TrainerPathListener {

    private final JooqTrainerRepository repository;
    private final TrainerRegister register;

    TrainerPathListener(JooqTrainerRepository repository, TrainerRegister register) {
        this.repository = repository;
        this.register = register;
    }

    @EventListener
    void on(CertificateIssued issued) {
        if (issued.pathId().equals(register.pathId())) {
            repository.pathCompleted(issued.userId(), register.now());
        }
    }

    @EventListener
    void on(SessionAttended attended) {
        if (attended.moduleIds().contains(register.trainTheTrainerModule())) {
            repository.trainTheTrainerAttended(attended.personId(), attended.sessionId(), attended.sessionStartedAt());
        }
    }
}
