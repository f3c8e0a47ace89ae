package nl.omzien.people;

import nl.omzien.base.MunicipalityId;

public record Municipality(MunicipalityId id, String name) {
}
