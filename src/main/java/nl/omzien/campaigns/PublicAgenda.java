package nl.omzien.campaigns;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * What the public agenda of a municipality shows, without personal data: upcoming open trainings with their free
 * seats and sign-up link, and the activities of current and coming campaigns.
 *
 * @param slug the municipality's part of the public address ({@code /agenda/coevorden})
 */
public record PublicAgenda(String municipalityName, String slug, List<Training> trainings, List<CampaignActivities> campaigns) {

    /** @param signUpLink the session's invite link, marked as coming from the agenda; null when sign-up has closed */
    public record Training(long sessionId, String title, OffsetDateTime startsAt, OffsetDateTime endsAt, String place,
                           int freeSeats, boolean waitlistOnly, String signUpLink, String campaignName) {
    }

    public record CampaignActivities(String name, java.time.LocalDate startsOn, java.time.LocalDate endsOn,
                                     List<Activity> activities) {
    }

    public boolean isEmpty() {
        return trainings.isEmpty() && campaigns.stream().allMatch(c -> c.activities().isEmpty());
    }
}
