package nl.omzien.training;

import java.time.OffsetDateTime;

/**
 * A follow-up story as the coalition lead of the author's municipality reads it: the original (private to the
 * lead), the copy that may be shown (null until released) and the size of the author's organisation. No name.
 *
 * @param organisationSize people registered at the author's organisation (0 without one); a story of an
 *                         organisation smaller than five is never shown, released or not
 */
public record StoryForLead(long attemptId, String moduleId, OffsetDateTime answeredAt, String original,
                           String shownText, OffsetDateTime approvedAt, long organisationSize) {

    public boolean released() {
        return shownText != null;
    }
}
