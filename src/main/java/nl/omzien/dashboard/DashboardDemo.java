package nl.omzien.dashboard;

import nl.omzien.people.DemoPeople;

/** This feature's part of the demo story ({@code nl.omzien.demo.DemoData}); writes only this feature's tables. */
public interface DashboardDemo {

    /**
     * After the rest of the story (some of it written straight to the tables, without events): rebuilds the
     * read model and gives the demo coalitions yearly targets and a partner rule, so a coalition lead sees a
     * living dashboard. Once (while there are no targets).
     */
    void targetsAndReadModel(DemoPeople people);

    /**
     * Issue 21: records the organisations that meet their rule as Omzien-partners, one of them for 14 months
     * already, and one more organisation whose recognition ran out two months ago (lapsed). Once (while
     * there is no partner record with a renewal or a lapse, see the implementation).
     */
    void partnersOneLapsed(DemoPeople people);
}
