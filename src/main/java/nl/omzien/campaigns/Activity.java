package nl.omzien.campaigns;

import java.time.OffsetDateTime;

/** Something in a campaign that is not a training (a coffee morning, a walk). No personal data. */
public record Activity(ActivityId id, CampaignId campaignId, String title, OffsetDateTime startsAt, OffsetDateTime endsAt,
                       String place, String organiser, String description, String link) {
}
