package nl.omzien.onboarding.ui;

import java.util.regex.Pattern;
import jakarta.servlet.http.HttpServletRequest;
import nl.omzien.base.Translations;
import nl.omzien.onboarding.internal.SignInLinkTokenService;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.Locale;

import static org.springframework.web.util.HtmlUtils.htmlEscape;

/**
 * The page a sign-in link opens: one big button that posts the token to Spring Security's one-time
 * token login. A plain page rather than a Vaadin view, because it must post a normal form with the
 * CSRF token; the GET itself changes nothing, so link scanners cannot use a link up.
 */
@Controller
class SignInLinkPage {

    /** Where a link may land after sign-in: a path inside the app, never another site (checked again on login). */
    private static final Pattern LANDING = Pattern.compile("/[a-z][a-z0-9-]*(/[a-z0-9-]+)*");

    private final Translations translations;
    private final SignInLinkTokenService links;

    SignInLinkPage(Translations translations, SignInLinkTokenService links) {
        this.translations = translations;
        this.links = links;
    }

    @GetMapping("/inloggen/link")
    ResponseEntity<String> show(@RequestParam(name = "token", defaultValue = "") String token,
                                @RequestParam(name = "lang", defaultValue = "nl") String lang,
                                @RequestParam(name = "next", defaultValue = "") String next,
                                HttpServletRequest request) {
        Locale locale = Translations.supported(Locale.of(lang));
        CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        String html = """
                <!doctype html>
                <html lang="%s"><head><meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <meta name="referrer" content="no-referrer">
                <title>%s</title>
                <style>
                  body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; font-size: 1.125rem; color: #1a2733;
                         margin: 0; padding: 2rem 1rem; display: flex; justify-content: center; }
                  main { max-width: 30rem; width: 100%%; }
                  .brand { color: #1a5479; font-weight: 700; font-size: 1.5rem; margin: 0 0 1rem; }
                  h1 { font-size: 1.75rem; margin: 0 0 .5rem; }
                  button { font: inherit; font-weight: 600; background: #1f5f8b; color: #fff; border: 0; border-radius: .5rem;
                           padding: .9rem 2rem; min-height: 3rem; width: 100%%; cursor: pointer; }
                  button:focus-visible { outline: 3px solid #b3541e; outline-offset: 3px; }
                  .small { font-size: 1rem; color: #44525e; }
                </style></head>
                <body><main>
                <p class="brand">Omzien</p>
                <h1>%s</h1>
                <p>%s</p>
                <form method="post" action="/login/ott">
                  <input type="hidden" name="token" value="%s">
                  <input type="hidden" name="%s" value="%s">%s%s
                  <button type="submit" autofocus>%s</button>
                </form>
                <p class="small">%s</p>
                </main></body></html>
                """.formatted(locale.getLanguage(), htmlEscape(t("signin.page.title", locale), "UTF-8"),
                htmlEscape(t("signin.page.title", locale), "UTF-8"), htmlEscape(t("signin.page.text", locale), "UTF-8"),
                htmlEscape(token, "UTF-8"), htmlEscape(csrf.getParameterName(), "UTF-8"), htmlEscape(csrf.getToken(), "UTF-8"),
                // "Remember me", chosen when the link was asked for, reaches Spring Security's remember-me here.
                links.rememberMeRequested(token) ? "\n  <input type=\"hidden\" name=\"remember-me\" value=\"true\">" : "",
                LANDING.matcher(next).matches() || nl.omzien.onboarding.SignInLinkService.LANDING.matcher(next).matches() ? "<input type=\"hidden\" name=\"continue\" value=\"" + next + "\">" : "",
                htmlEscape(t("signin.page.button", locale), "UTF-8"), htmlEscape(t("signin.page.not-you", locale), "UTF-8"));
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).contentType(MediaType.TEXT_HTML).body(html);
    }

    private String t(String key, Locale locale) {
        return translations.getTranslation(key, locale);
    }
}
