package nl.omzien.trainers.internal;

import nl.omzien.base.PersonId;
import nl.omzien.people.DemoPeople;
import nl.omzien.trainers.Qualification;
import nl.omzien.trainers.TrainersDemo;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDate;

import static nl.omzien.trainers.internal.db.Tables.QUALIFICATION;

@Component
class TrainersDemoData implements TrainersDemo {

    private final JooqTrainerRepository repository;
    private final TrainerRegister register;
    private final org.jooq.DSLContext db;

    TrainersDemoData(JooqTrainerRepository repository, TrainerRegister register, org.jooq.DSLContext db) {
        this.repository = repository;
        this.register = register;
        this.db = db;
    }

    @Override
    @Transactional
    public void qualifiedAndExpiredTrainers(DemoPeople cast) {
        if (db.fetchExists(QUALIFICATION)) {
            return;
        }
        LocalDate today = register.today();
        PersonId lead = cast.person("coalitie@coevorden.example").map(DemoPeople.Person::id).orElse(null);
        // Qualified ten months ago: not yet a full year, so not yet held to the two sessions a year.
        cast.person("trainer@omzien.example").ifPresent(trainer -> cast.municipality("Coevorden").ifPresent(coevorden ->
                repository.insert(trainer.id(), coevorden, Qualification.Source.EXTERNAL, today.minusMonths(10),
                        today.plusMonths(26), "Voorbeeld: train-de-trainer bij een welzijnsorganisatie, certificaat gezien.",
                        lead, register.now())));
        // Expired two months ago, after the reminder: the lead's page shows the state "Verlopen".
        cast.person("wim.oosting@demo.example").ifPresent(volunteer -> cast.municipality("Coevorden").ifPresent(coevorden -> {
            var id = repository.insert(volunteer.id(), coevorden, Qualification.Source.EXTERNAL, today.minusYears(3).minusMonths(2),
                    today.minusMonths(2), "Voorbeeld: trainer bij de vrijwilligerscentrale tot 2 maanden geleden.", lead,
                    register.now());
            repository.markReminded(id, register.now());
        }));
    }
}
