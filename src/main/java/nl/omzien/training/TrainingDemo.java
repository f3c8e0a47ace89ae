package nl.omzien.training;

import nl.omzien.people.DemoPeople;

/** This feature's part of the demo story ({@code nl.omzien.demo.DemoData}); writes only this feature's tables. */
public interface TrainingDemo {

    /**
     * Months of training history: the demo participant has one module done and one half-way; others
     * completed modules over the past eight months, with rising self-assessments and follow-up answers.
     * Their ModuleCompleted events bring the certificates. Only while no one has started a module.
     */
    void trainingHistory(DemoPeople people);

    /**
     * Issue 21: in each municipality one follow-up story released by the lead (names taken out of the copy) and
     * one not released, and a few months of "noticed / referred" taps. Only while there are no taps yet.
     */
    void storiesAndReferralTaps(DemoPeople people);
}
