package nl.omzien.campaigns;

import nl.omzien.people.DemoPeople;

/** The campaigns' part of the demo story (see {@code nl.omzien.demo.DemoData}). */
public interface CampaignsDemo {

    /** This year's Week tegen Eenzaamheid in both demo municipalities, with activities. */
    void weekAgainstLoneliness(DemoPeople cast);
}
