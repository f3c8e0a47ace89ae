package nl.omzien.contacts;

import java.math.BigDecimal;

/** What a coalition lead typed into the figure form; the service checks it. Null fields are empty fields. */
public record LocalFigureDraft(String population, BigDecimal percent, Integer year, String source) {

    public static LocalFigureDraft of(LocalFigure figure) {
        return new LocalFigureDraft(figure.population(), figure.percent(), figure.year(), figure.source());
    }
}
