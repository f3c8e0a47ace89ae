package nl.omzien.people;

public record Organisation(long id, long municipalityId, String municipalityName, String name, Sector sector,
                           String contactEmail, String village) {
}
