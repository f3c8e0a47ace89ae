package nl.omzien.security;

import nl.omzien.base.Translations;
import org.jooq.DSLContext;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.Locale;

import static nl.omzien.people.internal.db.Tables.APP_USER;

/** The signed-in person's own settings: for now the interface language. */
@Service
@PreAuthorize("isAuthenticated()")
public class AccountPreferences {

    private final DSLContext db;
    private final CurrentUser currentUser;

    AccountPreferences(DSLContext db, CurrentUser currentUser) {
        this.db = db;
        this.currentUser = currentUser;
    }

    @Transactional(readOnly = true)
    public Locale locale() {
        String tag = db.select(APP_USER.LOCALE).from(APP_USER)
                .where(APP_USER.ID.eq(currentUser.require().accountId())).fetchOne(APP_USER.LOCALE);
        return Translations.supported(tag == null ? null : Locale.of(tag));
    }

    @Transactional
    public void changeLocale(Locale locale) {
        db.update(APP_USER).set(APP_USER.LOCALE, Translations.supported(locale).getLanguage())
                .where(APP_USER.ID.eq(currentUser.require().accountId())).execute();
    }
}
