package nl.omzien.people;

/** The fixed list of sectors; each maps to the audience variant its staff get in the training. */
public enum Sector {
    HOME_CARE(Audience.PROFESSIONAL), GP_PRACTICE(Audience.PROFESSIONAL), SOCIAL_WORK(Audience.PROFESSIONAL),
    MUNICIPALITY(Audience.PROFESSIONAL),
    HAIRDRESSER(Audience.SHOP), SUPERMARKET(Audience.SHOP), BAKERY(Audience.SHOP), PHARMACY(Audience.SHOP),
    CAFE(Audience.SHOP), SHOP(Audience.SHOP), LIBRARY(Audience.SHOP),
    CHURCH(Audience.CHURCH), VOLUNTEER(Audience.CHURCH);

    private final Audience audience;

    Sector(Audience audience) {
        this.audience = audience;
    }

    public Audience audience() {
        return audience;
    }

    public String translationKey() {
        return "sector." + name();
    }
}
