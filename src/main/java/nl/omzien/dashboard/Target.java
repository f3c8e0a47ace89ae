package nl.omzien.dashboard;

import nl.omzien.people.Audience;

/** A coalition's aim for one year; {@code audience} only for {@link TargetKind#TRAINED}, null means everyone. */
public record Target(Long id, long municipalityId, int year, TargetKind kind, Audience audience, int target) {
}
