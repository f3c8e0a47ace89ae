package nl.omzien.training;

import nl.omzien.base.PersonId;
import nl.omzien.security.CurrentUser;
import nl.omzien.security.Role;
import nl.omzien.training.internal.JooqReferralRepository;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.UUID;

/**
 * "Ik heb iemand doorverwezen": a trained person's tally of people they noticed or referred, by kind of help.
 * Only an action and a kind from fixed lists are stored, never anything about the resident (decision 025).
 * Each tap carries a key made before the second tap; the same key twice (double click, resent request)
 * counts once.
 */
@Service
public class ReferralService {

    private final JooqReferralRepository taps;
    private final CurrentUser currentUser;
    private final FollowUpService followUps;
    private final Clock clock;

    ReferralService(JooqReferralRepository taps, CurrentUser currentUser, FollowUpService followUps, Clock clock) {
        this.taps = taps;
        this.currentUser = currentUser;
        this.followUps = followUps;
        this.clock = clock;
    }

    /** A new key for one tap; the view asks for it when the first tap is made. */
    public static UUID newTapKey() {
        return UUID.randomUUID();
    }

    /** Records the signed-in participant's tap; false when this key was recorded before (counted once). */
    @Transactional
    @RolesAllowed(Role.PARTICIPANT_ROLE)
    public boolean record(UUID tapKey, ReferralAction action, HelpKind kind) {
        return record(currentUser.require().accountId(), tapKey, action, kind);
    }

    /**
     * The same from the follow-up page, which has no sign-in: the secret token of the mail link names the person.
     *
     * @throws IllegalStateException when the link is unknown or has expired
     */
    @Transactional
    public boolean recordFromFollowUp(String token, UUID tapKey, ReferralAction action, HelpKind kind) {
        return record(followUps.personOfOpenLink(token), tapKey, action, kind);
    }

    /** How many taps the signed-in participant made, to thank them with a number. */
    @Transactional(readOnly = true)
    @RolesAllowed(Role.PARTICIPANT_ROLE)
    public long myCount() {
        return taps.count(currentUser.require().accountId());
    }

    private boolean record(PersonId person, UUID tapKey, ReferralAction action, HelpKind kind) {
        Objects.requireNonNull(tapKey, "tapKey");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(kind, "kind");
        return taps.insert(tapKey, person, action, kind, OffsetDateTime.now(clock));
    }
}
