package nl.omzien.dashboard;

import nl.omzien.base.MunicipalityId;
import nl.omzien.people.Audience;

/** A coalition's aim for one year; {@code audience} only for {@link TargetKind#TRAINED}, null means everyone. */
public record Target(Long id, MunicipalityId municipalityId, int year, TargetKind kind, Audience audience, int target) {
}
