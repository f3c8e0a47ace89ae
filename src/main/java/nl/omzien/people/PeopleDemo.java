package nl.omzien.people;

/** This feature's part of the demo story ({@code nl.omzien.demo.DemoData}); writes only this feature's tables. */
public interface PeopleDemo {

    /**
     * Two municipalities, their organisations and people (all with the demo password, see README), unless
     * the database already has a municipality; either way returns what is there.
     */
    DemoPeople municipalitiesOrganisationsAndPeople();

    /**
     * Issue 20: Gerda Meijer of Bakkerij Van der Veen, added at the door by the demo trainer, without an e-mail
     * address (unless a walk-in exists already). Returns the walk-in's id, or empty without the demo trainer.
     */
    java.util.Optional<nl.omzien.base.PersonId> aWalkInWithoutEmail(DemoPeople cast);
}
