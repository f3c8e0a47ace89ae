package nl.omzien.requests.internal;

import nl.omzien.base.Translations;
import nl.omzien.people.Audience;
import nl.omzien.people.DemoPeople;
import nl.omzien.requests.RequestDraft;
import nl.omzien.requests.RequestsDemo;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;

import static nl.omzien.requests.internal.db.Tables.TRAINING_REQUEST;

@Component
class RequestsDemoData implements RequestsDemo {

    private final JooqRequestRepository repository;
    private final DSLContext db;
    private final Clock clock;

    RequestsDemoData(JooqRequestRepository repository, DSLContext db, Clock clock) {
        this.repository = repository;
        this.db = db;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void openRequest(DemoPeople cast) {
        if (db.fetchExists(TRAINING_REQUEST)) {
            return;
        }
        cast.municipality("Coevorden").ifPresent(coevorden -> {
            // Two days ago through the public form, already linked to the practice: waiting for the lead to assign a trainer.
            OffsetDateTime received = OffsetDateTime.now(clock).minusDays(2);
            var id = repository.insert(coevorden, cast.organisation("Huisartsenpraktijk Dalen").orElse(null),
                    new RequestDraft("Huisartsenpraktijk Dalen", Audience.PROFESSIONAL, 9,
                            "Een dinsdagmiddag in maart of april, na 14:00 uur.", "Praktijk, Dorpsstraat 12 in Dalen",
                            "Ook onze twee doktersassistenten in opleiding willen graag meedoen.", "Sanne Kuipers",
                            "praktijk@ha-dalen.example"),
                    Translations.DUTCH, null, false, null, received);
            repository.log(id, null, "RECEIVED", null, received);
        });
    }
}
