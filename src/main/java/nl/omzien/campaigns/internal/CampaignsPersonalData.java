package nl.omzien.campaigns.internal;

import nl.omzien.base.PersonalDataSection;
import nl.omzien.base.PersonalDataSubject;
import org.springframework.stereotype.Component;

import java.util.Map;

/** Campaigns and activities a lead made, the campaign mails someone got, their opt-out and agenda sign-ups. */
@Component
class CampaignsPersonalData implements PersonalDataSection {

    private final JooqCampaignRepository repository;

    CampaignsPersonalData(JooqCampaignRepository repository) {
        this.repository = repository;
    }

    @Override
    public String name() {
        return "campaigns";
    }

    @Override
    public Map<String, ?> export(PersonalDataSubject subject) {
        return repository.personalData(subject.userId());
    }

    @Override
    public void erase(PersonalDataSubject subject) {
        repository.erase(subject.userId());
    }
}
