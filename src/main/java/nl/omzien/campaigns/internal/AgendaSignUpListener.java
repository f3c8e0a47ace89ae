package nl.omzien.campaigns.internal;

import nl.omzien.onboarding.SessionSignUpFromAgenda;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Counts a confirmed sign-up that came through the public agenda (once per person and session). */
@Component
class AgendaSignUpListener {

    private final JooqCampaignRepository repository;

    AgendaSignUpListener(JooqCampaignRepository repository) {
        this.repository = repository;
    }

    @EventListener
    @Transactional
    void on(SessionSignUpFromAgenda signUp) {
        repository.recordAgendaSignUp(signUp.sessionId(), signUp.personId(), signUp.at());
    }
}
