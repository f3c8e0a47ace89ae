package nl.omzien.security;

import nl.omzien.base.Translations;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.Locale;

/** The signed-in person's own settings: for now the interface language. */
@Service
@PreAuthorize("isAuthenticated()")
public class AccountPreferenceService {

    private final Accounts accounts;
    private final CurrentUser currentUser;

    AccountPreferenceService(Accounts accounts, CurrentUser currentUser) {
        this.accounts = accounts;
        this.currentUser = currentUser;
    }

    @Transactional(readOnly = true)
    public Locale locale() {
        String tag = accounts.locale(currentUser.require().accountId());
        return Translations.supported(tag == null ? null : Locale.of(tag));
    }

    @Transactional
    public void changeLocale(Locale locale) {
        accounts.changeLocale(currentUser.require().accountId(), Translations.supported(locale).getLanguage());
    }
}
