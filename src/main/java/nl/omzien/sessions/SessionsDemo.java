package nl.omzien.sessions;

import nl.omzien.people.DemoPeople;

/** This feature's part of the demo story ({@code nl.omzien.demo.DemoData}); writes only this feature's tables. */
public interface SessionsDemo {

    /**
     * Sessions in both demo municipalities: a past one with attendance and evaluations, a full one with a
     * waiting list, an open one, a closed one for the home-care organisation. Only while there are no
     * sessions; either way returns what is there.
     */
    DemoSessions sessionsWithSignUpsAndAWaitingList(DemoPeople people);

    /**
     * Issue 20: the walk-in was at the past session in Coevorden: present, with a paper evaluation typed in by
     * the trainer. Only once.
     */
    void theWalkInWasAtThePastSession(nl.omzien.base.PersonId walkInId);
}
