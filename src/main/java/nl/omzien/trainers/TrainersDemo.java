package nl.omzien.trainers;

import nl.omzien.people.DemoPeople;

/** The trainers' part of the demo story (see {@code nl.omzien.demo.DemoData}). */
public interface TrainersDemo {

    /** The demo trainer qualified (recorded from outside evidence), and a volunteer whose qualification expired. */
    void qualifiedAndExpiredTrainers(DemoPeople cast);
}
