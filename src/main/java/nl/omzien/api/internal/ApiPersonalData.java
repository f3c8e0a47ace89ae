package nl.omzien.api.internal;

import nl.omzien.base.PersonalDataSection;
import nl.omzien.base.PersonalDataSubject;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Map;

/** A lead's part in the API keys: the keys they made or revoked (never a hash) and their log entries. */
@Component
class ApiPersonalData implements PersonalDataSection {

    private final JooqApiKeyRepository keys;

    ApiPersonalData(JooqApiKeyRepository keys) {
        this.keys = keys;
    }

    @Override
    public String name() {
        return "api";
    }

    @Override
    public Map<String, ?> export(PersonalDataSubject subject) {
        Map<String, Object> tables = new LinkedHashMap<>();
        tables.put("api_key", keys.keysBy(subject.userId()));
        tables.put("api_key_event", keys.eventsBy(subject.userId()));
        return tables;
    }

    @Override
    public void erase(PersonalDataSubject subject) {
        keys.forget(subject.userId());
    }
}
