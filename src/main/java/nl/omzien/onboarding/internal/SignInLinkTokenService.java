package nl.omzien.onboarding.internal;

import nl.omzien.base.PersonId;

import java.nio.charset.StandardCharsets;
import java.net.URLEncoder;
import nl.omzien.base.SecretTokens;
import nl.omzien.base.Translations;
import nl.omzien.notifications.MailOutbox;
import nl.omzien.people.SelfRegistration;
import nl.omzien.notifications.OutgoingMail;
import nl.omzien.onboarding.internal.JooqSignInLinkRepository.LinkAccount;
import nl.omzien.onboarding.internal.JooqSignInLinkRepository.UsedLink;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.authentication.ott.DefaultOneTimeToken;
import org.springframework.security.authentication.ott.GenerateOneTimeTokenRequest;
import org.springframework.security.authentication.ott.OneTimeToken;
import org.springframework.security.authentication.ott.OneTimeTokenAuthenticationToken;
import org.springframework.security.authentication.ott.OneTimeTokenService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Optional;

/**
 * Spring Security's one-time-token store, kept in PostgreSQL with only the token's hash, and the mail
 * that carries the link. For an address that is not a participant's, a token is made but neither
 * stored nor mailed, so nothing about the caller's answer depends on whether the address exists.
 */
@Service
public class SignInLinkTokenService implements OneTimeTokenService {

    public static final Duration VALID_FOR = Duration.ofMinutes(15);

    private final JooqSignInLinkRepository links;
    private final JooqInviteRepository invites;
    private final SelfRegistration selfRegistration;
    private final MailOutbox outbox;
    private final Translations translations;
    private final Clock clock;
    private final String baseUrl;

    SignInLinkTokenService(JooqSignInLinkRepository links, JooqInviteRepository invites, SelfRegistration selfRegistration,
                           MailOutbox outbox, Translations translations, Clock clock,
                           @Value("${omzien.base-url}") String baseUrl) {
        this.links = links;
        this.invites = invites;
        this.selfRegistration = selfRegistration;
        this.outbox = outbox;
        this.translations = translations;
        this.clock = clock;
        this.baseUrl = baseUrl.replaceAll("/+$", "");
    }

    @Override
    @Transactional
    public OneTimeToken generate(GenerateOneTimeTokenRequest request) {
        return generate(request, false);
    }

    /** As {@link #generate(GenerateOneTimeTokenRequest)}, remembering whether the person asked to stay signed in. */
    @Transactional
    public OneTimeToken generate(GenerateOneTimeTokenRequest request, boolean rememberMe) {
        return generate(request, rememberMe, null);
    }

    /** As {@link #generate(GenerateOneTimeTokenRequest, boolean)}; the link lands on {@code landingPath} after sign-in (e.g. a check-in). */
    @Transactional
    public OneTimeToken generate(GenerateOneTimeTokenRequest request, boolean rememberMe, String landingPath) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        OffsetDateTime expiresAt = now.plus(VALID_FOR);
        String token = SecretTokens.newToken();
        issue(request.getUsername(), token, now, landingPath, "signin.mail.subject", "signin.mail.text", rememberMe);
        return new DefaultOneTimeToken(token, request.getUsername(), expiresAt.toInstant());
    }

    /**
     * Mails a sign-in link after someone registered through an invite. A new account gets a welcome
     * text, an existing participant the usual sign-in text; both land on {@code landingPath} after sign-in.
     *
     * @return the participant the link went to; empty for an address that is not a participant's (nothing is sent)
     */
    @Transactional
    public Optional<PersonId> sendAfterRegistration(String email, boolean newAccount, String landingPath) {
        return issue(email, SecretTokens.newToken(), OffsetDateTime.now(clock), landingPath,
                newAccount ? "register.mail.subject" : "signin.mail.subject",
                newAccount ? "register.mail.text" : "signin.mail.text", false);
    }

    private Optional<PersonId> issue(String email, String token, OffsetDateTime now, String landingPath,
                                 String subjectKey, String textKey, boolean rememberMe) {
        Optional<LinkAccount> account = links.linkAccount(email);
        if (account.isPresent()) {
            links.replaceOpenLinks(account.get().userId(), SecretTokens.hash(token), now, now.plus(VALID_FOR), rememberMe);
            outbox.enqueue(mail(account.get(), token, landingPath, subjectKey, textKey));
        }
        return account.map(LinkAccount::userId);
    }

    @Override
    @Transactional
    public OneTimeToken consume(OneTimeTokenAuthenticationToken authenticationToken) {
        String token = authenticationToken.getTokenValue();
        if (!SecretTokens.looksValid(token)) {
            return null;
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        Optional<UsedLink> used = links.use(SecretTokens.hash(token), now);
        // Following a link proves the address: someone who registered through an invite joins their organisation
        // now, in this transaction (people's SelfRegistration joins it).
        used.flatMap(link -> invites.takePendingOrganisation(link.userId()))
                .ifPresent(pending -> selfRegistration.confirmed(pending.userId(), pending.organisationId()));
        return used.map(link -> new DefaultOneTimeToken(token, link.email(), now.toInstant())).orElse(null);
    }

    /** Whether the link was asked for with "remember me"; reading does not use the link up. */
    @Transactional(readOnly = true)
    public boolean rememberMeRequested(String token) {
        return SecretTokens.looksValid(token) && links.rememberMeRequested(SecretTokens.hash(token));
    }

    private OutgoingMail mail(LinkAccount account, String token, String landingPath, String subjectKey,
                              String textKey) {
        Locale locale = Translations.supported(Locale.of(account.locale()));
        String link = baseUrl + "/inloggen/link?token=" + token + (locale.equals(Translations.ENGLISH) ? "&lang=en" : "")
                + (landingPath == null ? "" : "&next=" + URLEncoder.encode(landingPath, StandardCharsets.UTF_8));
        return new OutgoingMail(account.email(),
                translations.getTranslation(subjectKey, locale),
                translations.getTranslation(textKey, locale, account.fullName(), link, VALID_FOR.toMinutes()));
    }
}
