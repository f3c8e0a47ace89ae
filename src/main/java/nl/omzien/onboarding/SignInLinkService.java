package nl.omzien.onboarding;

import nl.omzien.base.PlainText;
import nl.omzien.onboarding.internal.SignInLinkThrottle;
import nl.omzien.onboarding.internal.SignInLinkTokenService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.ott.GenerateOneTimeTokenRequest;
import org.springframework.stereotype.Service;

import java.util.regex.Pattern;

/**
 * Asking for a sign-in link. The caller learns nothing: a known participant gets a mail, anyone else
 * (unknown address, staff, too many requests) gets nothing, and the answer on screen is the same.
 */
@Service
public class SignInLinkService {

    private static final Logger log = LoggerFactory.getLogger(SignInLinkService.class);
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    private final SignInLinkTokenService tokens;
    private final SignInLinkThrottle throttle;

    SignInLinkService(SignInLinkTokenService tokens, SignInLinkThrottle throttle) {
        this.tokens = tokens;
        this.throttle = throttle;
    }

    public static boolean looksLikeEmail(String email) {
        // No control characters: a NUL would reach PostgreSQL and fail the request instead of being ignored.
        return email != null && email.length() <= 254 && EMAIL.matcher(email.trim()).matches() && PlainText.isSingleLine(email);
    }

    /** Mails a link when the address belongs to a participant and the throttle allows it. */
    public void request(String email, String ipAddress) {
        request(email, ipAddress, false);
    }

    /** As {@link #request(String, String)}; {@code rememberMe}: the link signs in with a 30-day remember-me cookie. */
    public void request(String email, String ipAddress, boolean rememberMe) {
        request(email, ipAddress, rememberMe, null);
    }

    /** Where a link may land after sign-in besides its default: a QR check-in, so one scan is enough. */
    public static final java.util.regex.Pattern LANDING = java.util.regex.Pattern.compile("/inchecken/[A-Za-z0-9_-]{20,64}");

    /**
     * As {@link #request(String, String, boolean)}; the link then opens {@code landingPath} (only a
     * check-in address is accepted; anything else lands on the default page).
     */
    public void request(String email, String ipAddress, boolean rememberMe, String landingPath) {
        if (!looksLikeEmail(email)) {
            return;
        }
        String address = email.trim().toLowerCase();
        if (!throttle.tryAcquire(address, ipAddress)) {
            log.info("Sign-in link request throttled for an address from {}", ipAddress);
            return;
        }
        tokens.generate(new GenerateOneTimeTokenRequest(address, SignInLinkTokenService.VALID_FOR), rememberMe,
                landingPath != null && LANDING.matcher(landingPath).matches() ? landingPath : null);
    }
}
