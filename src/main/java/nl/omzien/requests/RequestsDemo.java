package nl.omzien.requests;

import nl.omzien.people.DemoPeople;

/** The requests' part of the demo story (see {@code nl.omzien.demo.DemoData}). */
public interface RequestsDemo {

    /** An open request from an organisation in Coevorden, waiting for the lead. */
    void openRequest(DemoPeople cast);
}
