package nl.omzien.contacts.internal;

import nl.omzien.contacts.ContactKind;
import nl.omzien.contacts.ContactsDemo;
import nl.omzien.contacts.LocalContactDraft;
import nl.omzien.contacts.LocalFigureDraft;
import nl.omzien.people.DemoPeople;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * Example contacts for the two demo municipalities, so the "doorverwijzen" module and the card show
 * something real-looking. They are marked as examples (a "Voorbeeld" label in the app and on the card)
 * and use .example addresses and made-up numbers: they are not the municipalities' real services.
 */
@Component
class ContactsDemoData implements ContactsDemo {

    private static final Logger log = LoggerFactory.getLogger(ContactsDemoData.class);

    // Kinds of help per municipality (some for one kern, issue 21): seed 002 §5.5 (Meldpunt Eenzaamheid, kernteams, sociale kaart),
    // seed 000 §3 (welzijn, wijkteams, Welzijn op Recept), seed 003 (maatjesprojecten, Welzijn op Recept).
    private static final Map<String, List<LocalContactDraft>> EXAMPLES = Map.of(
            "Coevorden", List.of(
                    new LocalContactDraft(ContactKind.SIGNAL_POINT, "Meldpunt Eenzaamheid Coevorden",
                            "Deel je zorgen over iemand of vraag advies. Wil de persoon het? Dan komt er iemand op huisbezoek.",
                            "0524 000 101", "meldpunt@coevorden.example", "https://www.coevorden.example/eenzaamheid",
                            "ma t/m vr 9.00-12.30 uur"),
                    new LocalContactDraft(ContactKind.WELFARE, "Welzijnswerk Coevorden",
                            "Helpt mensen aan contact, activiteiten of vrijwilligerswerk. Ook voor mantelzorgers.",
                            "0524 000 102", "info@welzijn-coevorden.example", "https://www.welzijn-coevorden.example",
                            "ma t/m do 8.30-17.00 uur"),
                    new LocalContactDraft(ContactKind.NEIGHBOURHOOD_TEAM, "Sociaal Team Coevorden",
                            "Mensen van zorg en welzijn zoeken samen de hulp die past. Bel voor een afspraak.",
                            "0524 000 103", "sociaalteam@coevorden.example", null, "ma t/m vr 8.30-17.00 uur"),
                    new LocalContactDraft(ContactKind.BUDDY_PROJECT, "Maatjesproject Samen op Pad",
                            "Een vrijwilliger komt geregeld langs. Samen wandelen, koffie drinken of een hobby delen.",
                            "0524 000 104", "maatjes@welzijn-coevorden.example", null, null),
                    new LocalContactDraft(ContactKind.WELFARE_ON_PRESCRIPTION, "Welzijn op Recept Coevorden",
                            "Loopt via de huisarts of praktijkondersteuner. Die verwijst naar een welzijnscoach. Samen zoek je activiteiten die energie geven.",
                            null, "welzijnoprecept@welzijn-coevorden.example", null, null),
                    new LocalContactDraft(ContactKind.OTHER, "Sociale kaart Coevorden",
                            "Een website met alle hulp en activiteiten in de gemeente.",
                            null, null, "https://www.socialekaart-coevorden.example", null),
                    // Issue 21: contacts for one kern (seed 002 §6.2.3: a social map per kern).
                    new LocalContactDraft(ContactKind.OTHER, "Buurtkamer Schoonebeek",
                            "Koffie en een praatje op dinsdag- en donderdagochtend. Iedereen is welkom.",
                            "0524 000 105", null, null, "di en do 10.00-12.00 uur", "Schoonebeek"),
                    new LocalContactDraft(ContactKind.OTHER, "Koffie-inloop Dorpshuis Dalen",
                            "Elke woensdag inloop met koffie. Vrijwilligers helpen ook met kleine vragen.",
                            "0524 000 106", null, null, "wo 9.30-11.30 uur", "Dalen")),
            "Twenterand", List.of(
                    new LocalContactDraft(ContactKind.SIGNAL_POINT, "Meldpunt Eenzaamheid Twenterand",
                            "Langskomen, bellen of mailen kan. Je krijgt advies. Met toestemming volgt een huisbezoek of verwijzing.",
                            "0546 000 201", "meldpunt@twenterand.example", "https://www.twenterand.example/meldpunt",
                            "ma t/m vr 9.00-17.00 uur"),
                    new LocalContactDraft(ContactKind.WELFARE, "Welzijnsorganisatie Twenterand",
                            "Activiteiten, ontmoeting en vrijwilligerswerk in alle kernen.",
                            "0546 000 202", "info@welzijnsorganisatie-twenterand.example", "https://www.welzijn-twenterand.example",
                            "ma t/m vr 9.00-16.30 uur"),
                    new LocalContactDraft(ContactKind.NEIGHBOURHOOD_TEAM, "Kernteam Vriezenveen",
                            "Partners uit zorg en welzijn bespreken samen wat iemand nodig heeft en verwijzen door.",
                            "0546 000 203", "kernteam@twenterand.example", null, "di en do 9.00-12.00 uur", "Vriezenveen"),
                    new LocalContactDraft(ContactKind.NEIGHBOURHOOD_TEAM, "Kernteam Den Ham",
                            "Partners uit zorg en welzijn in Den Ham bespreken samen wat iemand nodig heeft en verwijzen door.",
                            "0546 000 205", "kernteam.denham@twenterand.example", null, "ma en wo 9.00-12.00 uur", "Den Ham"),
                    new LocalContactDraft(ContactKind.BUDDY_PROJECT, "Maatjesproject Twenterand",
                            "Een vaste vrijwilliger voor een wandeling, een kop koffie of een uitje.",
                            "0546 000 204", null, null, null),
                    new LocalContactDraft(ContactKind.WELFARE_ON_PRESCRIPTION, "Welzijn op Recept Twenterand",
                            "Loopt via de huisarts. Voor mensen die vaak met klachten als moeheid of somberheid komen. Een welzijnscoach zoekt samen naar wat helpt.",
                            null, null, "https://www.welzijn-twenterand.example/welzijn-op-recept", null),
                    new LocalContactDraft(ContactKind.OTHER, "Sociale kaart Twenterand",
                            "Een website met alle hulp en activiteiten in de gemeente.",
                            null, null, "https://www.socialekaart-twenterand.example", null)));

    // Real published figures from the municipalities' own plans (issue 18: the municipality's data, not module text).
    private static final Map<String, List<LocalFigureDraft>> FIGURES = Map.of(
            "Coevorden", List.of(
                    // Seed 000 §1.1
                    new LocalFigureDraft("volwassenen en ouderen", new BigDecimal("45.0"), 2024,
                            "GGD-gezondheidsonderzoek, in actieplan Eén tegen Eenzaamheid Coevorden (2025)"),
                    new LocalFigureDraft("jongeren van 12 tot 18 jaar", new BigDecimal("25.0"), 2023,
                            "GGD-gezondheidsonderzoek, in actieplan Eén tegen Eenzaamheid Coevorden (2025)")),
            "Twenterand", List.of(
                    // Seed 002 §1 Inleiding
                    new LocalFigureDraft("inwoners van 19 jaar en ouder", new BigDecimal("36.0"), 2016,
                            "RIVM 2016, in actieplan Samen ben je niet alleen 2.0 Twenterand")));

    private final JooqLocalContactRepository contacts;
    private final JooqLocalFigureRepository figures;
    private final Clock clock;

    ContactsDemoData(JooqLocalContactRepository contacts, JooqLocalFigureRepository figures, Clock clock) {
        this.contacts = contacts;
        this.figures = figures;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void localContactsAndFigures(DemoPeople people) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (figures.isEmpty()) {
            FIGURES.forEach((municipality, drafts) -> people.municipality(municipality)
                    .ifPresent(id -> drafts.forEach(draft -> figures.insert(id, draft, null, now))));
        }
        if (!contacts.isEmpty()) {
            return;
        }
        EXAMPLES.forEach((municipality, drafts) -> people.municipality(municipality)
                .ifPresent(id -> {
                    log.info("Loading example contacts for {}", municipality);
                    drafts.forEach(draft -> contacts.insert(id, ContactValidation.checked(draft), true, null, now));
                }));
    }
}
