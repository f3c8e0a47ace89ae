package nl.omzien.training.internal;

import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import static nl.omzien.training.internal.db.Tables.MODULE_VERSION;

@Repository
public class JooqModuleTitles {

    private final DSLContext db;

    JooqModuleTitles(DSLContext db) {
        this.db = db;
    }

    public Map<String, String> all(Locale locale) {
        var title = "en".equals(locale.getLanguage()) ? MODULE_VERSION.TITLE_EN : MODULE_VERSION.TITLE_NL;
        Map<String, String> titles = new LinkedHashMap<>();
        // Newest version first per module: the first title seen wins.
        db.select(MODULE_VERSION.MODULE_ID, title).from(MODULE_VERSION).orderBy(MODULE_VERSION.MODULE_ID, MODULE_VERSION.VERSION.desc())
                .forEach(r -> titles.putIfAbsent(r.value1(), r.value2()));
        return titles;
    }
}
