package nl.omzien.privacy;

import nl.omzien.base.PersonalDataAccessed;
import nl.omzien.base.Translations;
import nl.omzien.people.EmailChangeResult;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** Keys the own-data pages build from values (so the bundle test cannot see them) exist in both languages. */
class OwnDataTranslationsTest {

    @Test
    void everyAuditActionDetailAndEmailLinkOutcomeHasATextInBothLanguages() {
        List<String> keys = new ArrayList<>();
        for (PersonalDataAccessed.Action action : PersonalDataAccessed.Action.values()) {
            keys.add("audit.action." + action.name());
        }
        for (EmailChangeResult result : EmailChangeResult.values()) {
            keys.add("profile.confirm.result." + result.name());
        }
        for (String detail : List.of("user-administration", "session-participants", "session-presence-list",
                "session-attendance", "data-export", "deleted-on-request", "deleted-by-person", "retention")) {
            keys.add("audit.detail." + detail);
        }
        for (String attendance : List.of("PRESENT", "ABSENT", "EXCUSED")) {
            keys.add("audit.value." + attendance);
        }
        Translations translations = new Translations();
        for (Locale locale : Translations.SUPPORTED) {
            assertThat(keys).allSatisfy(key -> assertThat(translations.getTranslation(key, locale)).as(locale + ":" + key)
                    .doesNotStartWith("!"));
        }
    }
}
