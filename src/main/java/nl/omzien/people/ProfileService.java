package nl.omzien.people;

import nl.omzien.base.PersonId;

import nl.omzien.base.InvalidInputException;
import nl.omzien.base.SecretTokens;
import nl.omzien.base.Translations;
import nl.omzien.notifications.MailOutbox;
import nl.omzien.notifications.OutgoingMail;
import nl.omzien.people.internal.EmailChangeThrottle;
import nl.omzien.people.internal.JooqOrganisationRepository;
import nl.omzien.people.internal.JooqProfessionalRegistrationRepository;
import nl.omzien.people.internal.JooqProfileRepository;
import nl.omzien.people.internal.JooqProfileRepository.PendingChange;
import nl.omzien.security.CurrentUser;
import nl.omzien.security.CurrentUserUpdate;
import nl.omzien.security.SignedInUser;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * The signed-in person's own profile: name, e-mail address (changed only after the new address confirms
 * through a mailed link), training variant. Every method works on the signed-in account only, so nobody
 * can change someone else's profile through it. The language is {@link nl.omzien.security.AccountPreferenceService}.
 */
@Service
public class ProfileService {

    public static final Duration EMAIL_LINK_VALID_FOR = Duration.ofHours(24);

    private final JooqProfileRepository profiles;
    private final JooqOrganisationRepository organisations;
    private final JooqProfessionalRegistrationRepository registrations;
    private final CurrentUser currentUser;
    private final MailOutbox outbox;
    private final Translations translations;
    private final Clock clock;
    private final String baseUrl;
    private final EmailChangeThrottle throttle;
    private final TransactionTemplate storing;

    ProfileService(JooqProfileRepository profiles, JooqOrganisationRepository organisations,
                   JooqProfessionalRegistrationRepository registrations, CurrentUser currentUser,
                   MailOutbox outbox, Translations translations, Clock clock, @Value("${omzien.base-url}") String baseUrl,
                   EmailChangeThrottle throttle, PlatformTransactionManager transactionManager) {
        this.throttle = throttle;
        this.storing = new TransactionTemplate(transactionManager);
        this.profiles = profiles;
        this.organisations = organisations;
        this.registrations = registrations;
        this.currentUser = currentUser;
        this.outbox = outbox;
        this.translations = translations;
        this.clock = clock;
        this.baseUrl = baseUrl.replaceAll("/+$", "");
    }

    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public Profile mine() {
        PersonId id = currentUser.require().accountId();
        JooqProfileRepository.Row row = profiles.find(id).orElseThrow(() -> new NoSuchElementException("No account " + id));
        Audience sector = Optional.ofNullable(row.organisationId()).flatMap(organisations::findById)
                .map(o -> o.sector().audience()).orElse(Audience.PROFESSIONAL);
        return new Profile(id, row.fullName(), row.email(), profiles.pendingEmail(id, now()).orElse(null),
                row.audience(), sector, Translations.supported(Locale.of(row.locale())));
    }

    @Transactional
    @PreAuthorize("isAuthenticated()")
    public void changeName(String fullName) {
        new InvalidInputException.Checks().require("fullName", fullName).length("fullName", fullName, 2, 150)
                .singleLine("fullName", fullName).throwIfAny();
        PersonId id = currentUser.require().accountId();
        String name = fullName.trim();
        profiles.changeName(id, name);
        CurrentUserUpdate.apply(id, user -> new SignedInUser(user.accountId(), user.email(), name, null,
                user.organisationId(), user.municipalityId(), user.roles(), user.enabled()));
    }

    /** Null: follow the organisation's sector again. */
    @Transactional
    @PreAuthorize("isAuthenticated()")
    public void changeAudience(Audience audience) {
        profiles.changeAudience(currentUser.require().accountId(), audience);
    }

    /** The person's BIG or register number for accreditation points, if they gave one. */
    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public Optional<ProfessionalRegistration> myRegistration() {
        return registrations.find(currentUser.require().accountId());
    }

    /**
     * Stores the person's BIG or register number, only with their consent to pass it on to PE-online for
     * accreditation points (issue 22). See {@link ProfessionalRegistration#normalised} for what is checked.
     */
    @Transactional
    @PreAuthorize("isAuthenticated()")
    public ProfessionalRegistration saveRegistration(ProfessionalRegistration.Kind kind, String number, boolean consent) {
        String normalised = ProfessionalRegistration.normalised(kind, number);
        new InvalidInputException.Checks()
                .require("registrationKind", kind)
                .require("registrationNumber", number == null || number.isBlank() ? null : number)
                .fail("registrationNumber", kind == ProfessionalRegistration.Kind.BIG ? "profile.registration.big-invalid"
                        : "profile.registration.register-invalid", kind != null && number != null && !number.isBlank() && normalised == null)
                .fail("registrationConsent", "profile.registration.consent-required", !consent)
                .throwIfAny();
        OffsetDateTime now = now();
        registrations.save(currentUser.require().accountId(), kind, normalised, now);
        return new ProfessionalRegistration(kind, normalised, now);
    }

    /** Withdraws consent: the number is deleted and no longer passed on. */
    @Transactional
    @PreAuthorize("isAuthenticated()")
    public void removeRegistration() {
        registrations.delete(currentUser.require().accountId());
    }

    /**
     * Mails a confirmation link to the new address; the account keeps its current address until the link
     * is used. When the address already has an account, that address gets a mail saying so instead, and
     * the caller sees the same answer, so the profile page cannot be used to find out who has an account.
     * The throttle comes first, with no transaction around it (waiting for a throttle slot must not hold a pooled
     * connection, decision 021); the change is stored in a transaction of its own afterwards.
     */
    @PreAuthorize("isAuthenticated()")
    public void requestEmailChange(String newEmail) {
        PersonId id = currentUser.require().accountId();
        JooqProfileRepository.Row row = profiles.find(id).orElseThrow();
        new InvalidInputException.Checks().require("email", newEmail).email("email", newEmail)
                .fail("email", "profile.email.same", newEmail != null && newEmail.trim().equalsIgnoreCase(row.email()))
                .throwIfAny();
        String address = newEmail.trim();
        if (!throttle.tryAcquire(address)) {
            throw new InvalidInputException(java.util.Map.of("email", "profile.email.too-often"));
        }
        storing.executeWithoutResult(status -> mailChangeLink(id, row, address));
    }

    private void mailChangeLink(PersonId id, JooqProfileRepository.Row row, String address) {
        Locale locale = Translations.supported(Locale.of(row.locale()));
        if (profiles.emailTaken(address, id)) {
            outbox.enqueue(new OutgoingMail(address, translations.getTranslation("profile.email.mail.taken.subject", locale),
                    translations.getTranslation("profile.email.mail.taken.text", locale)));
            profiles.dropChange(id);
            return;
        }
        OffsetDateTime now = now();
        String token = SecretTokens.newToken();
        profiles.requestEmailChange(id, address, SecretTokens.hash(token), now, now.plus(EMAIL_LINK_VALID_FOR));
        String link = baseUrl + "/profiel/e-mail?token=" + token + (locale.equals(Translations.ENGLISH) ? "&lang=en" : "");
        outbox.enqueue(new OutgoingMail(address, translations.getTranslation("profile.email.mail.subject", locale),
                translations.getTranslation("profile.email.mail.text", locale, row.fullName(), link,
                        EMAIL_LINK_VALID_FOR.toHours())));
    }

    /** The address a confirmation link would set, to show before the person confirms; empty when unusable. */
    @Transactional(readOnly = true)
    public Optional<String> emailForLink(String token) {
        if (!SecretTokens.looksValid(token)) {
            return Optional.empty();
        }
        return profiles.findChange(SecretTokens.hash(token)).filter(c -> c.expiresAt().isAfter(now()))
                .map(PendingChange::newEmail);
    }

    /**
     * Confirms a new address from the mailed link. Needs no sign-in: the unguessable, single-use link
     * proves the person reads the new mailbox. The old address gets a notice, so a hijack does not go unseen.
     */
    @Transactional
    public EmailChangeResult confirmEmailChange(String token) {
        if (!SecretTokens.looksValid(token)) {
            return EmailChangeResult.INVALID;
        }
        Optional<PendingChange> found = profiles.lockChange(SecretTokens.hash(token));
        if (found.isEmpty()) {
            return EmailChangeResult.INVALID;
        }
        PendingChange change = found.get();
        if (!change.expiresAt().isAfter(now())) {
            profiles.dropChange(change.userId());
            return EmailChangeResult.EXPIRED;
        }
        if (profiles.emailTaken(change.newEmail(), change.userId())) {
            profiles.dropChange(change.userId());
            return EmailChangeResult.TAKEN;
        }
        JooqProfileRepository.Row before = profiles.find(change.userId()).orElseThrow();
        profiles.completeChange(change.userId(), change.newEmail());
        Locale locale = Translations.supported(Locale.of(before.locale()));
        outbox.enqueue(new OutgoingMail(before.email(), translations.getTranslation("profile.email.mail.changed.subject", locale),
                translations.getTranslation("profile.email.mail.changed.text", locale, before.fullName(), change.newEmail())));
        CurrentUserUpdate.apply(change.userId(), user -> new SignedInUser(user.accountId(), change.newEmail(), user.fullName(),
                null, user.organisationId(), user.municipalityId(), user.roles(), user.enabled()));
        return EmailChangeResult.CONFIRMED;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }
}
