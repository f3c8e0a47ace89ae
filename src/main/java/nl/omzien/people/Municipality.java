package nl.omzien.people;

public record Municipality(long id, String name) {
}
