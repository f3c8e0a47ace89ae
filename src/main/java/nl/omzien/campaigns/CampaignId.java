package nl.omzien.campaigns;

/** The id of a campaign ({@code campaigns.campaign}); {@code toString} is the bare number, as in URLs. */
public record CampaignId(long value) {

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
