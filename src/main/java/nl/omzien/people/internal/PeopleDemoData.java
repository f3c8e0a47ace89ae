package nl.omzien.people.internal;

import nl.omzien.base.PersonId;

import nl.omzien.base.MunicipalityId;
import nl.omzien.base.OrganisationId;
import nl.omzien.people.Audience;
import nl.omzien.people.DemoPeople;
import nl.omzien.people.PeopleDemo;
import nl.omzien.people.Sector;
import nl.omzien.security.Role;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static nl.omzien.people.internal.db.Tables.APP_USER;
import static nl.omzien.people.internal.db.Tables.COALITION_SECTOR;
import static nl.omzien.people.internal.db.Tables.MUNICIPALITY;
import static nl.omzien.people.internal.db.Tables.ORGANISATION;
import static nl.omzien.people.internal.db.Tables.PROFESSIONAL_REGISTRATION;
import static nl.omzien.people.internal.db.Tables.USER_ROLE;
import static nl.omzien.people.published.Tables.V_MUNICIPALITY;
import static nl.omzien.people.published.Tables.V_ORGANISATION;
import static nl.omzien.people.published.Tables.V_PERSON;

/**
 * Fills an empty database with two municipalities, their organisations and people, so a newcomer
 * sees a living app. All demo accounts share the password in {@link #DEMO_PASSWORD} (see README).
 */
@Component
class PeopleDemoData implements PeopleDemo {

    static final String DEMO_PASSWORD = "omzien-demo";
    private static final Logger log = LoggerFactory.getLogger(PeopleDemoData.class);

    private record Org(String name, String sector, String municipality, String village, String contactEmail) { }

    private static final List<Org> ORGANISATIONS = List.of(
            new Org("Thuiszorg Zuidoost-Drenthe", "HOME_CARE", "Coevorden", "Coevorden", "info@thuiszorg-zod.example"),
            new Org("Huisartsenpraktijk Dalen", "GP_PRACTICE", "Coevorden", "Dalen", "praktijk@ha-dalen.example"),
            new Org("Kapsalon Knip & Zo", "HAIRDRESSER", "Coevorden", "Schoonebeek", "knipenzo@example.nl"),
            new Org("Supermarkt De Brink", "SUPERMARKET", "Coevorden", "Coevorden", null),
            new Org("Bakkerij Van der Veen", "BAKERY", "Coevorden", "Sleen", null),
            new Org("Protestantse Gemeente Dalen", "CHURCH", "Coevorden", "Dalen", "scriba@pg-dalen.example"),
            new Org("Bibliotheek Coevorden", "LIBRARY", "Coevorden", "Coevorden", null),
            new Org("Vrijwilligerscentrale Coevorden", "VOLUNTEER", "Coevorden", "Oosterhesselen", null),
            new Org("Welzijn Twenterand", "SOCIAL_WORK", "Twenterand", "Vriezenveen", "info@welzijn-twenterand.example"),
            new Org("Apotheek Vroomshoop", "PHARMACY", "Twenterand", "Vroomshoop", null),
            new Org("Kapper Haarlijn", "HAIRDRESSER", "Twenterand", "Den Ham", null),
            new Org("Parochie Heilige Geest", "CHURCH", "Twenterand", "Westerhaar", null),
            new Org("Eetcafé De Linde", "CAFE", "Twenterand", "Vriezenveen", null));

    private record Person(String name, String email, String organisation, String municipality, Set<Role> roles) { }

    private static final List<Person> STAFF = List.of(
            new Person("Anna de Wit", "admin@omzien.example", null, null, Set.of(Role.ADMIN)),
            new Person("Linda Jansen", "coalitie@coevorden.example", null, "Coevorden", Set.of(Role.COALITION_LEAD)),
            new Person("Erik Mulder", "coalitie@twenterand.example", null, "Twenterand", Set.of(Role.COALITION_LEAD)),
            new Person("Peter Bakker", "trainer@omzien.example", null, "Coevorden", Set.of(Role.TRAINER)),
            new Person("Fatima El Amrani", "contact@thuiszorg-zod.example", "Thuiszorg Zuidoost-Drenthe", null,
                    Set.of(Role.PARTICIPANT, Role.ORG_CONTACT)),
            new Person("Sanne de Vries", "deelnemer@omzien.example", "Kapsalon Knip & Zo", null, Set.of(Role.PARTICIPANT)));

    private static final Map<String, List<String>> PARTICIPANTS = Map.ofEntries(
            Map.entry("Thuiszorg Zuidoost-Drenthe", List.of("Jolanda Hofman", "Mehmet Yılmaz", "Ria Smit", "Kees Brouwer")),
            Map.entry("Huisartsenpraktijk Dalen", List.of("Marieke Post", "Anouk Kuipers")),
            Map.entry("Kapsalon Knip & Zo", List.of("Chantal Meijer")),
            Map.entry("Supermarkt De Brink", List.of("Tim Hendriks", "Eva Çelik", "Daan Visser")),
            Map.entry("Bakkerij Van der Veen", List.of("Gerda van der Veen")),
            Map.entry("Protestantse Gemeente Dalen", List.of("Hendrik Lubbers", "Jannie Schepers", "Ds. Albert Koster")),
            Map.entry("Bibliotheek Coevorden", List.of("Noor Dekker")),
            Map.entry("Vrijwilligerscentrale Coevorden", List.of("Wim Oosting", "Łukasz Nowak")),
            Map.entry("Welzijn Twenterand", List.of("Ilse ter Horst", "Bram Nijhuis", "Yasmina Haddou")),
            Map.entry("Apotheek Vroomshoop", List.of("Sophie Kamphuis", "René Bosch")),
            Map.entry("Kapper Haarlijn", List.of("Lotte Westerhof")),
            Map.entry("Parochie Heilige Geest", List.of("Marian Rolink", "José Pereira")),
            Map.entry("Eetcafé De Linde", List.of("Joost Vos", "Ayşe Demir")));

    private final DSLContext db;
    private final PasswordEncoder passwordEncoder;

    PeopleDemoData(DSLContext db, PasswordEncoder passwordEncoder) {
        this.db = db;
        this.passwordEncoder = passwordEncoder;
    }

    @Override
    @Transactional
    public DemoPeople municipalitiesOrganisationsAndPeople() {
        if (!db.fetchExists(MUNICIPALITY)) {
            load();
        }
        return asFound();
    }

    private void load() {
        log.info("Empty database: loading demo municipalities, organisations and people");
        Map<String, MunicipalityId> municipalityIds = Map.of(
                "Coevorden", insertMunicipality("Coevorden"),
                "Twenterand", insertMunicipality("Twenterand"));
        Map<String, OrganisationId> organisationIds = new java.util.HashMap<>();
        for (Org org : ORGANISATIONS) {
            organisationIds.put(org.name(), db.insertInto(ORGANISATION)
                    .set(ORGANISATION.NAME, org.name())
                    .set(ORGANISATION.SECTOR, Sector.valueOf(org.sector()).code())
                    .set(ORGANISATION.MUNICIPALITY_ID, municipalityIds.get(org.municipality()))
                    .set(ORGANISATION.VILLAGE, org.village())
                    .set(ORGANISATION.CONTACT_EMAIL, org.contactEmail())
                    .returning(ORGANISATION.ID).fetchOne().getId());
        }
        // One hash for all demo accounts: hashing 36 times would slow every first start.
        String hash = passwordEncoder.encode(DEMO_PASSWORD);
        for (Person person : STAFF) {
            insertPerson(person.name(), person.email(), hash, lookup(organisationIds, person.organisation()),
                    lookup(municipalityIds, person.municipality()), person.roles());
        }
        PARTICIPANTS.forEach((organisation, names) -> names.forEach(name ->
                insertPerson(name, emailFor(name), hash, organisationIds.get(organisation), null, Set.of(Role.PARTICIPANT))));
        // Issue 21: Coevorden added a sector of its own (seed 000 §3.2 names housing corporations).
        db.insertInto(COALITION_SECTOR).set(COALITION_SECTOR.MUNICIPALITY_ID, municipalityIds.get("Coevorden"))
                .set(COALITION_SECTOR.NAME_NL, "Woningcorporatie").set(COALITION_SECTOR.NAME_EN, "Housing corporation")
                .set(COALITION_SECTOR.AUDIENCE, Audience.PROFESSIONAL.name()).execute();
        // Issue 22: two home-care workers gave their number for accreditation points, with consent; their colleagues did not.
        registration("Jolanda Hofman", "BIG", "19012345601");
        registration("Mehmet Yılmaz", "REGISTER", "20231234");
    }

    private void registration(String fullName, String kind, String number) {
        db.select(APP_USER.ID).from(APP_USER).where(APP_USER.FULL_NAME.eq(fullName)).limit(1).fetchOptional(APP_USER.ID)
                .ifPresent(id -> db.insertInto(PROFESSIONAL_REGISTRATION).set(PROFESSIONAL_REGISTRATION.USER_ID, id)
                        .set(PROFESSIONAL_REGISTRATION.KIND, kind).set(PROFESSIONAL_REGISTRATION.NUMBER, number)
                        .set(PROFESSIONAL_REGISTRATION.CONSENTED_AT, org.jooq.impl.DSL.currentOffsetDateTime()).execute());
    }

    @Override
    @Transactional
    public java.util.Optional<PersonId> aWalkInWithoutEmail(DemoPeople cast) {
        var existing = db.select(APP_USER.ID).from(APP_USER).where(APP_USER.WALK_IN_ADDED_BY.isNotNull())
                .orderBy(APP_USER.ID).limit(1).fetchOptional(APP_USER.ID);
        if (existing.isPresent()) {
            return existing;
        }
        var trainer = cast.person("trainer@omzien.example");
        var bakery = cast.organisation("Bakkerij Van der Veen");
        if (trainer.isEmpty() || bakery.isEmpty()) {
            return java.util.Optional.empty();
        }
        PersonId id = db.insertInto(APP_USER).set(APP_USER.FULL_NAME, "Gerda Meijer").set(APP_USER.ORGANISATION_ID, bakery.get())
                .set(APP_USER.WALK_IN_ADDED_BY, trainer.get().id()).returning(APP_USER.ID).fetchOne().getId();
        db.insertInto(USER_ROLE).set(USER_ROLE.USER_ID, id).set(USER_ROLE.ROLE, Role.PARTICIPANT.name()).execute();
        return java.util.Optional.of(id);
    }

    /** What other features would read through the published views; on a database with other data, that too. */
    private DemoPeople asFound() {
        Map<String, MunicipalityId> municipalities = new LinkedHashMap<>();
        db.select(V_MUNICIPALITY.NAME, V_MUNICIPALITY.ID).from(V_MUNICIPALITY).orderBy(V_MUNICIPALITY.ID)
                .forEach(r -> municipalities.put(r.value1(), r.value2()));
        List<DemoPeople.Organisation> organisations = db.select(V_ORGANISATION.ID, V_ORGANISATION.NAME, V_ORGANISATION.MUNICIPALITY_ID)
                .from(V_ORGANISATION).orderBy(V_ORGANISATION.ID)
                .fetch(r -> new DemoPeople.Organisation(r.value1(), r.value2(), r.value3()));
        Map<String, DemoPeople.Person> people = new LinkedHashMap<>();
        db.select(V_PERSON.ID, V_PERSON.EMAIL, V_PERSON.FULL_NAME, V_PERSON.ORGANISATION_ID, V_ORGANISATION.SECTOR)
                .from(V_PERSON).leftJoin(V_ORGANISATION).on(V_ORGANISATION.ID.eq(V_PERSON.ORGANISATION_ID))
                .orderBy(V_PERSON.ID)
                .forEach(r -> people.put(r.value2(), new DemoPeople.Person(r.value1(), r.value2(), r.value3(), r.value4(),
                        audienceOf(r.value5()))));
        return new DemoPeople(municipalities, organisations, people);
    }

    private Audience audienceOf(String sector) {
        if (sector == null) {
            return Audience.PROFESSIONAL;
        }
        return Sector.builtInCode(sector).map(Sector::audience).orElseGet(() -> db.select(COALITION_SECTOR.AUDIENCE)
                .from(COALITION_SECTOR).where(COALITION_SECTOR.CODE.eq(sector)).fetchOptional(COALITION_SECTOR.AUDIENCE)
                .map(Audience::valueOf).orElse(Audience.PROFESSIONAL));
    }

    /** Map.of rejects null keys; staff without an organisation or municipality have one. */
    private static <T> T lookup(Map<String, T> ids, String name) {
        return name == null ? null : ids.get(name);
    }

    private MunicipalityId insertMunicipality(String name) {
        return db.insertInto(MUNICIPALITY).set(MUNICIPALITY.NAME, name).returning(MUNICIPALITY.ID).fetchOne().getId();
    }

    private void insertPerson(String name, String email, String hash, OrganisationId organisationId, MunicipalityId municipalityId,
                              Set<Role> roles) {
        PersonId id = db.insertInto(APP_USER)
                .set(APP_USER.FULL_NAME, name)
                .set(APP_USER.EMAIL, email)
                .set(APP_USER.PASSWORD_HASH, hash)
                .set(APP_USER.ORGANISATION_ID, organisationId)
                .set(APP_USER.MUNICIPALITY_ID, municipalityId)
                .returning(APP_USER.ID).fetchOne().getId();
        roles.forEach(role -> db.insertInto(USER_ROLE).set(USER_ROLE.USER_ID, id).set(USER_ROLE.ROLE, role.name()).execute());
    }

    static String emailFor(String name) {
        String ascii = java.text.Normalizer.normalize(name.replace("ł", "l").replace("Ł", "L").replace("ı", "i"),
                java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return ascii.toLowerCase().replaceAll("[^a-z]+", ".").replaceAll("^\\.|\\.$", "") + "@demo.example";
    }
}
