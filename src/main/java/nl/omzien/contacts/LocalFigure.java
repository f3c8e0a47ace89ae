package nl.omzien.contacts;

import nl.omzien.base.MunicipalityId;
import java.math.BigDecimal;

/**
 * A loneliness figure of one municipality, as its coalition lead entered it: the share of a population
 * (e.g. "volwassenen (18+)") that felt lonely in a year, with the source a learner can check.
 */
public record LocalFigure(long id, MunicipalityId municipalityId, String population, BigDecimal percent, int year, String source) {
}
