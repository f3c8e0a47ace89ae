package nl.omzien.base;

import com.vaadin.flow.i18n.I18NProvider;
import org.springframework.stereotype.Component;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;

/**
 * All user-visible text comes from {@code i18n/messages*.properties}: Dutch is the default
 * (messages.properties), English is messages_en.properties.
 */
@Component
public class Translations implements I18NProvider {

    public static final Locale DUTCH = Locale.of("nl");
    public static final Locale ENGLISH = Locale.ENGLISH;
    public static final List<Locale> SUPPORTED = List.of(DUTCH, ENGLISH);
    static final String BUNDLE = "i18n/messages";
    private static final Map<Locale, ResourceBundle> BUNDLES = new ConcurrentHashMap<>();
    // One entry per message pattern and language: bounded by the bundles' size.
    private static final Map<String, MessageFormat> FORMATS = new ConcurrentHashMap<>();

    @Override
    public List<Locale> getProvidedLocales() {
        return SUPPORTED;
    }

    @Override
    public String getTranslation(String key, Locale locale, Object... params) {
        try {
            Locale supported = supported(locale);
            String pattern = bundle(supported).getString(key);
            if (params.length == 0) {
                return pattern;
            }
            // Parsing a pattern costs more than formatting it (every mail formats several); a parsed
            // MessageFormat is not thread-safe, so each use formats a clone.
            MessageFormat parsed = FORMATS.computeIfAbsent(supported.getLanguage() + '\u0000' + pattern,
                    k -> new MessageFormat(pattern, supported));
            return ((MessageFormat) parsed.clone()).format(params);
        } catch (MissingResourceException e) {
            return "!" + key;
        }
    }

    /** Maps any locale to one Omzien supports; Dutch unless the user chose English. */
    public static Locale supported(Locale locale) {
        return locale != null && ENGLISH.getLanguage().equals(locale.getLanguage()) ? ENGLISH : DUTCH;
    }

    static ResourceBundle bundle(Locale locale) {
        // The Dutch bundle is the base file; never fall back to the JVM's default locale.
        return BUNDLES.computeIfAbsent(supported(locale), supported -> ResourceBundle.getBundle(BUNDLE, supported,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)));
    }
}
