package nl.omzien.privacy;

import nl.omzien.base.PersonId;
import java.util.List;

/** This feature's part of the demo story ({@code nl.omzien.demo.DemoData}); writes only this feature's tables. */
public interface PrivacyDemo {

    /**
     * A few entries in the log of staff actions, so an admin trying the demo sees what the page is for: a
     * trainer opened the participant lists of their sessions (two days ago; the first six people on them), a
     * coalition lead opened a person's account (yesterday). Once (while the log is empty).
     */
    void staffActionsLog(List<OnParticipantList> onTheTrainersLists, List<AccountOpened> accountsOpened);

    /** Someone on the participant list of a session a trainer gives. */
    record OnParticipantList(PersonId trainerId, long sessionId, PersonId personId) { }

    /** A person's account, opened by a member of staff in the user administration. */
    record AccountOpened(PersonId staffId, PersonId personId) { }
}
