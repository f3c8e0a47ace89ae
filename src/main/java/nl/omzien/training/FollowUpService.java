package nl.omzien.training;

import nl.omzien.base.InvalidInputException;
import nl.omzien.base.PlainText;
import nl.omzien.base.SecretTokens;
import nl.omzien.people.MailRecipient;
import nl.omzien.people.MailRecipients;
import nl.omzien.training.internal.JooqFollowUpRepository;
import nl.omzien.training.internal.JooqFollowUpRepository.Found;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Answers to the question mailed three months after a training ("have you noticed or raised
 * loneliness since?"). There is no sign-in: the secret token in the mail link is the permission,
 * and it only ever reaches this one question.
 */
@Service
public class FollowUpService {

    /** How long a mailed link keeps working. */
    public static final Duration LINK_VALID_FOR = Duration.ofDays(90);
    public static final int MAX_STORY_LENGTH = 4000;

    private final JooqFollowUpRepository followUps;
    private final ModuleCatalog catalog;
    private final MailRecipients recipients;
    private final Clock clock;

    FollowUpService(JooqFollowUpRepository followUps, ModuleCatalog catalog, MailRecipients recipients, Clock clock) {
        this.followUps = followUps;
        this.catalog = catalog;
        this.recipients = recipients;
        this.clock = clock;
    }

    /** The question behind a link; empty for a token that never existed. */
    @Transactional(readOnly = true)
    public Optional<FollowUpQuestion> open(String token) {
        return find(token).map(this::toQuestion);
    }

    /**
     * Records yes or no. Answering again overwrites: a second tap, or a change of mind, is harmless.
     *
     * @throws IllegalStateException when the link has expired
     */
    @Transactional
    public FollowUpQuestion answer(String token, boolean noticed) {
        Found found = usable(token);
        followUps.answer(found.attemptId(), noticed, OffsetDateTime.now(clock));
        return toQuestion(find(token).orElseThrow());
    }

    /**
     * Stores the optional story (what happened); a blank story removes an earlier one.
     *
     * @throws InvalidInputException when it is too long
     * @throws IllegalStateException when the link has expired
     */
    @Transactional
    public FollowUpQuestion tellStory(String token, String story) {
        String trimmed = story == null || story.isBlank() ? null : story.strip();
        if (trimmed != null && trimmed.length() > MAX_STORY_LENGTH) {
            throw new InvalidInputException(Map.of("story", "followup.story.too-long"));
        }
        if (!PlainText.isMultiLine(trimmed)) {
            throw new InvalidInputException(Map.of("story", "validation.control-characters"));
        }
        Found found = usable(token);
        followUps.saveStory(found.attemptId(), trimmed);
        return toQuestion(find(token).orElseThrow());
    }

    /**
     * The person behind a link that still works, for what the follow-up page records besides the answer
     * (the referral tally).
     *
     * @throws IllegalStateException when the link is unknown or has expired
     */
    @Transactional(readOnly = true)
    public nl.omzien.base.PersonId personOfOpenLink(String token) {
        return usable(token).userId();
    }

    private Optional<Found> find(String token) {
        if (!SecretTokens.looksValid(token)) {
            return Optional.empty();
        }
        return followUps.findByTokenHash(SecretTokens.hash(token));
    }

    private Found usable(String token) {
        Found found = find(token).orElseThrow(() -> new IllegalStateException("Unknown follow-up link"));
        if (!isOpen(found)) {
            throw new IllegalStateException("This follow-up link has expired");
        }
        return found;
    }

    private boolean isOpen(Found found) {
        return found.mailedAt() != null && OffsetDateTime.now(clock).isBefore(found.mailedAt().plus(LINK_VALID_FOR));
    }

    private FollowUpQuestion toQuestion(Found found) {
        Locale locale = recipients.of(found.userId()).map(MailRecipient::locale).orElse(null);
        return new FollowUpQuestion(catalog.version(found.moduleId(), found.version()).title(), locale,
                isOpen(found), found.noticed(), found.story());
    }
}
