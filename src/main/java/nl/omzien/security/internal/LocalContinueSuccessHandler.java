package nl.omzien.security.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationSuccessHandler;

import java.util.regex.Pattern;

/**
 * After a sign-in link: goes to the page named by the form's {@code continue} field (e.g. the welcome
 * page after registering), but only to a plain path inside the app, so a crafted link can never send
 * someone to another site. Anything else lands on the default page.
 */
public class LocalContinueSuccessHandler extends SimpleUrlAuthenticationSuccessHandler {

    private static final Pattern LOCAL_PATH = Pattern.compile("/[a-z][a-z0-9-]*(/[a-z0-9-]+)*");
    /** A QR check-in address: its code has capitals and underscores, and after sign-in the scan is done in one go. */
    private static final Pattern CHECK_IN = Pattern.compile("/inchecken/[A-Za-z0-9_-]{20,64}");

    public LocalContinueSuccessHandler(String defaultTargetUrl) {
        super(defaultTargetUrl);
    }

    @Override
    protected String determineTargetUrl(HttpServletRequest request, HttpServletResponse response) {
        String target = request.getParameter("continue");
        return target != null && (LOCAL_PATH.matcher(target).matches() || CHECK_IN.matcher(target).matches())
                ? target : getDefaultTargetUrl();
    }
}
