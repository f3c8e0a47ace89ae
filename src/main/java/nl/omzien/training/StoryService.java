package nl.omzien.training;

import jakarta.annotation.security.RolesAllowed;
import nl.omzien.base.InvalidInputException;
import nl.omzien.base.MunicipalityId;
import nl.omzien.base.PlainText;
import nl.omzien.security.CurrentUser;
import nl.omzien.security.Role;
import nl.omzien.security.SignedInUser;
import nl.omzien.training.internal.JooqStoryRepository;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * The follow-up stories for coalition leads: read the stories of their own municipality, release one for the
 * dashboard and council report as an edited copy without names, or take a release back (decision 025).
 * Another municipality's lead can neither read nor release: checked here, per story.
 */
@Service
public class StoryService {

    /** Below this many people in the author's organisation a story is never shown (as SmallNumbers). */
    public static final int MIN_ORGANISATION_SIZE = 5;

    private final JooqStoryRepository stories;
    private final CurrentUser currentUser;
    private final Clock clock;

    StoryService(JooqStoryRepository stories, CurrentUser currentUser, Clock clock) {
        this.stories = stories;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /** The stories of a municipality, newest answer first. */
    @Transactional(readOnly = true)
    @RolesAllowed({Role.ADMIN_ROLE, Role.LEAD_ROLE})
    public List<StoryForLead> stories(MunicipalityId municipalityId) {
        check(municipalityId);
        return stories.ofMunicipality(municipalityId);
    }

    /**
     * Marks a story "may be shown" with {@code shownText}, the lead's copy without names (the original stays).
     * Releasing again replaces the copy.
     */
    @Transactional
    @RolesAllowed({Role.ADMIN_ROLE, Role.LEAD_ROLE})
    public void release(long attemptId, String shownText) {
        check(municipalityOf(attemptId));
        String text = shownText == null ? "" : shownText.strip();
        new InvalidInputException.Checks()
                .fail("shown", "stories.shown.required", text.isEmpty())
                .fail("shown", "followup.story.too-long", text.length() > FollowUpService.MAX_STORY_LENGTH)
                .multiLine("shown", text)
                .throwIfAny();
        stories.release(attemptId, text, currentUser.require().accountId(), OffsetDateTime.now(clock));
    }

    /** Takes a release back: the story is no longer shown anywhere. */
    @Transactional
    @RolesAllowed({Role.ADMIN_ROLE, Role.LEAD_ROLE})
    public void withdraw(long attemptId) {
        check(municipalityOf(attemptId));
        stories.withdraw(attemptId);
    }

    private MunicipalityId municipalityOf(long attemptId) {
        return stories.municipalityOf(attemptId).orElseThrow(() -> new NoSuchElementException("No such story"));
    }

    private void check(MunicipalityId municipalityId) {
        SignedInUser user = currentUser.require();
        if (user.isAdmin()) {
            return;
        }
        if (!user.has(Role.COALITION_LEAD) || municipalityId == null || !municipalityId.equals(user.municipalityId())) {
            throw new AccessDeniedException("Stories outside the lead's municipality");
        }
    }
}
