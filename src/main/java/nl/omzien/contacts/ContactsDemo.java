package nl.omzien.contacts;

import nl.omzien.people.DemoPeople;

/** This feature's part of the demo story ({@code nl.omzien.demo.DemoData}); writes only this feature's tables. */
public interface ContactsDemo {

    /**
     * Example contacts for the two demo municipalities (marked as examples) and their published loneliness
     * figures; each only while its table is empty.
     */
    void localContactsAndFigures(DemoPeople people);
}
