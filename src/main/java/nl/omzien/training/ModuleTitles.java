package nl.omzien.training;

import nl.omzien.training.internal.JooqModuleTitles;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.Locale;
import java.util.Map;

/**
 * Every module ever published (also ones since removed from modules/), by id, with the title of its latest
 * version in the given language: for other features that only name modules, such as a session's form.
 */
@Service
public class ModuleTitles {

    private final JooqModuleTitles titles;

    ModuleTitles(JooqModuleTitles titles) {
        this.titles = titles;
    }

    @Transactional(readOnly = true)
    public Map<String, String> all(Locale locale) {
        return titles.all(locale);
    }
}
