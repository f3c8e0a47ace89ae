package nl.omzien.training.content;

import java.util.Locale;

/** A learner-facing text in Dutch and English; both are required by the validator. */
public record Text(String nl, String en) {

    public String in(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) ? en : nl;
    }
}
