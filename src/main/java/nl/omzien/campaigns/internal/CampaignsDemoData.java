package nl.omzien.campaigns.internal;

import nl.omzien.base.MunicipalityId;
import nl.omzien.base.PersonId;
import nl.omzien.campaigns.CampaignId;
import nl.omzien.campaigns.CampaignsDemo;
import nl.omzien.campaigns.WeekAgainstLoneliness;
import nl.omzien.people.DemoPeople;
import nl.omzien.sessions.SessionTimes;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;

import static nl.omzien.campaigns.internal.db.Tables.CAMPAIGN;

@Component
class CampaignsDemoData implements CampaignsDemo {

    private final JooqCampaignRepository repository;
    private final DSLContext db;
    private final Clock clock;

    CampaignsDemoData(JooqCampaignRepository repository, DSLContext db, Clock clock) {
        this.repository = repository;
        this.db = db;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void weekAgainstLoneliness(DemoPeople cast) {
        if (db.fetchExists(CAMPAIGN)) {
            return;
        }
        LocalDate today = LocalDate.now(clock.withZone(SessionTimes.ZONE));
        int next = WeekAgainstLoneliness.yearFor(today);
        cast.municipality("Coevorden").ifPresent(coevorden -> {
            PersonId lead = cast.person("coalitie@coevorden.example").map(DemoPeople.Person::id).orElse(null);
            // Last year's week, for the dashboard's comparison; Coevorden calls it the Week van de Ontmoeting (seed 000 §4.3).
            CampaignId past = week(coevorden, "Week van de Ontmoeting " + (next - 1), next - 1, lead);
            activity(past, next - 1, 0, LocalTime.of(10, 0), "Koffieochtend in het dorpshuis", "Dorpshuis De Brink, Dalen",
                    "Welzijn Coevorden", "Kom langs voor koffie en een praatje. Iedereen is welkom.", null, lead);
            CampaignId coming = week(coevorden, "Week van de Ontmoeting " + next, next, lead);
            activity(coming, next, 0, LocalTime.of(10, 0), "Koffieochtend in het dorpshuis", "Dorpshuis De Brink, Dalen",
                    "Welzijn Coevorden", "Kom langs voor koffie en een praatje. Iedereen is welkom.", null, lead);
            activity(coming, next, 2, LocalTime.of(14, 0), "Ommetje door Coevorden", "Start bij het kasteel, Coevorden",
                    "Wandelclub De Vlinder", "Een rustige wandeling van een uur, met een kop thee na afloop.", null, lead);
            activity(coming, next, 4, LocalTime.of(19, 30), "Film en gesprek: alleen, niet eenzaam", "Bibliotheek Coevorden",
                    "Bibliotheek Zuidoost-Drenthe", "Een korte film en daarna een gesprek over eenzaamheid.",
                    "https://www.eentegeneenzaamheid.nl", lead);
        });
        cast.municipality("Twenterand").ifPresent(twenterand -> {
            PersonId lead = cast.person("coalitie@twenterand.example").map(DemoPeople.Person::id).orElse(null);
            CampaignId coming = week(twenterand, "Twenterand ontmoet " + next, next, lead);
            activity(coming, next, 1, LocalTime.of(10, 0), "Open inloop bij de Zonnebloem", "Kulturhus Vriezenveen",
                    "De Zonnebloem Twenterand", "Een ochtend met koffie, spelletjes en aandacht voor elkaar.", null, lead);
            activity(coming, next, 3, LocalTime.of(12, 0), "Samen eten", "Buurthuis Den Ham", "Welzijn Twenterand",
                    "Een warme maaltijd voor wie graag samen eet. Opgeven is niet nodig.", null, lead);
        });
    }

    private CampaignId week(MunicipalityId municipality, String name, int year, PersonId lead) {
        return repository.insert(municipality, name, WeekAgainstLoneliness.firstDay(year), WeekAgainstLoneliness.lastDay(year),
                lead, OffsetDateTime.now(clock));
    }

    private void activity(CampaignId campaign, int year, int dayOfWeek, LocalTime at, String title, String place,
                          String organiser, String description, String link, PersonId lead) {
        OffsetDateTime starts = WeekAgainstLoneliness.firstDay(year).plusDays(dayOfWeek).atTime(at)
                .atZone(SessionTimes.ZONE).toOffsetDateTime();
        repository.insertActivity(campaign, title, starts, starts.plusHours(2), place, organiser, description, link, lead,
                OffsetDateTime.now(clock));
    }
}
