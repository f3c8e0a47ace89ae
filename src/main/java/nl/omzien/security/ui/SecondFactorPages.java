package nl.omzien.security.ui;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import nl.omzien.base.Translations;
import nl.omzien.security.internal.PendingSignIn;
import nl.omzien.security.internal.QrSvg;
import nl.omzien.security.internal.StaffSignIn;
import nl.omzien.security.internal.TotpCodes;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

import java.util.List;
import java.util.Locale;

import static org.springframework.web.util.HtmlUtils.htmlEscape;

/**
 * The pages of the second sign-in step for staff: type a code, or (an admin without one) set up the
 * authenticator app, and the recovery codes shown once after that. Plain pages posting a normal form
 * to the security filter, like the e-mail link page: nobody is signed in yet, so there is no Vaadin
 * session to use.
 */
@Controller
class SecondFactorPages {

    private final Translations translations;

    SecondFactorPages(Translations translations) {
        this.translations = translations;
    }

    @GetMapping(StaffSignIn.CODE_PATH)
    ResponseEntity<String> code(HttpServletRequest request) {
        PendingSignIn pending = PendingSignIn.in(request.getSession(false));
        Locale locale = StaffSignIn.locale(pending);
        if (pending == null || pending.enrolling()) {
            if (pending == null && !request.getParameterMap().containsKey("expired")) {
                return redirect("/login");
            }
            if (pending != null) {
                return redirect(StaffSignIn.ENROL_PATH);
            }
            return page(locale, "twofactor.code.title", """
                    <p class="problem" role="alert">%s</p>
                    <p><a href="/login">%s</a></p>
                    """.formatted(t("twofactor.code.expired", locale), t("twofactor.back-to-login", locale)));
        }
        return page(locale, "twofactor.code.title", """
                %s
                <p>%s</p>
                %s
                <p class="small">%s</p>
                <p class="small"><a href="/login">%s</a></p>
                """.formatted(notice(request, locale), t("twofactor.code.intro", locale),
                codeForm(request, locale, "twofactor.code.label", "twofactor.code.submit"),
                t("twofactor.code.recovery-hint", locale), t("twofactor.back-to-login", locale)));
    }

    @GetMapping(StaffSignIn.ENROL_PATH)
    ResponseEntity<String> enrol(HttpServletRequest request) {
        PendingSignIn pending = PendingSignIn.in(request.getSession(false));
        if (pending == null || !pending.enrolling()) {
            return redirect(pending == null ? "/login" : StaffSignIn.CODE_PATH);
        }
        Locale locale = StaffSignIn.locale(pending);
        String secret = pending.enrolSecret().replaceAll("(.{4})(?!$)", "$1 ");
        return page(locale, "twofactor.enrol.title", """
                %s
                <p>%s</p>
                <ol>
                  <li>%s</li>
                  <li>%s<br><img class="qr" src="%s" alt="%s" width="220" height="220">
                      <br>%s <code id="totp-secret">%s</code></li>
                  <li>%s</li>
                </ol>
                %s
                <p class="small"><a href="/login">%s</a></p>
                """.formatted(notice(request, locale), t("twofactor.enrol.intro", locale),
                t("twofactor.enrol.step1", locale), t("twofactor.enrol.step2", locale),
                QrSvg.dataUri(TotpCodes.otpauthUri(pending.enrolSecret(), pending.email())),
                t("twofactor.enrol.qr-alt", locale), t("twofactor.enrol.manual", locale), htmlEscape(secret),
                t("twofactor.enrol.step3", locale),
                codeForm(request, locale, "twofactor.code.label", "twofactor.enrol.submit"),
                t("twofactor.back-to-login", locale)));
    }

    /** Right after an admin set up the app at sign-in: the recovery codes, once. */
    @GetMapping(StaffSignIn.RECOVERY_CODES_PATH)
    ResponseEntity<String> recoveryCodes(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        Object codes = session == null ? null : session.getAttribute(StaffSignIn.RECOVERY_CODES_ATTRIBUTE);
        if (!(codes instanceof List<?> list)) {
            return redirect("/");
        }
        session.removeAttribute(StaffSignIn.RECOVERY_CODES_ATTRIBUTE);
        Locale locale = Translations.supported(request.getLocale());
        StringBuilder items = new StringBuilder();
        list.forEach(code -> items.append("<li><code>").append(htmlEscape(String.valueOf(code))).append("</code></li>"));
        return page(locale, "twofactor.recovery.title", """
                <p>%s</p>
                <ul id="recovery-codes" class="codes">%s</ul>
                <p><a class="button" href="/">%s</a></p>
                """.formatted(t("twofactor.recovery.intro", locale), items, t("twofactor.recovery.continue", locale)));
    }

    private String notice(HttpServletRequest request, Locale locale) {
        var params = request.getParameterMap();
        String key = params.containsKey("wrong") ? "twofactor.code.wrong"
                : params.containsKey("throttled") ? "twofactor.code.throttled" : null;
        return key == null ? "" : "<p class=\"problem\" role=\"alert\" id=\"code-problem\">" + t(key, locale) + "</p>";
    }

    private String codeForm(HttpServletRequest request, Locale locale, String labelKey, String submitKey) {
        CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        return """
                <form method="post" action="%s">
                  <label for="code">%s</label>
                  <input id="code" name="code" type="text" inputmode="numeric" autocomplete="one-time-code"
                         autocapitalize="off" spellcheck="false" required autofocus maxlength="24">
                  <input type="hidden" name="%s" value="%s">
                  <button type="submit">%s</button>
                </form>
                """.formatted(StaffSignIn.CODE_PATH, t(labelKey, locale), htmlEscape(csrf.getParameterName()),
                htmlEscape(csrf.getToken()), t(submitKey, locale));
    }

    private ResponseEntity<String> page(Locale locale, String titleKey, String body) {
        String html = """
                <!doctype html>
                <html lang="%s"><head><meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <meta name="referrer" content="no-referrer">
                <title>%s · Omzien</title>
                <link rel="stylesheet" href="/styles/sign-in-step.css">
                </head>
                <body><main>
                <p class="brand">Omzien</p>
                <h1>%s</h1>
                %s
                </main></body></html>
                """.formatted(locale.getLanguage(), t(titleKey, locale), t(titleKey, locale), body);
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).contentType(MediaType.TEXT_HTML).body(html);
    }

    private static ResponseEntity<String> redirect(String path) {
        return ResponseEntity.status(HttpStatus.FOUND).header(HttpHeaders.LOCATION, path).build();
    }

    /** Translated and HTML-escaped. */
    private String t(String key, Locale locale) {
        return htmlEscape(translations.getTranslation(key, locale), "UTF-8");
    }
}
