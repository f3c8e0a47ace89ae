package nl.omzien.trainers;

/** The id of one trainer qualification. */
public record QualificationId(long value) {
}
