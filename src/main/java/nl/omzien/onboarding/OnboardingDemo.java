package nl.omzien.onboarding;

import nl.omzien.people.DemoPeople;
import nl.omzien.sessions.DemoSessions;

/** This feature's part of the demo story ({@code nl.omzien.demo.DemoData}); writes only this feature's tables. */
public interface OnboardingDemo {

    /**
     * An invite link for every organisation and session, so a coalition lead sees links and flyers on the
     * invites page straight away. Only while no organisation has one.
     */
    void inviteLinks(DemoPeople people, DemoSessions sessions);
}
