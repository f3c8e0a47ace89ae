package nl.omzien.campaigns;

/** The id of a campaign activity ({@code campaigns.activity}); {@code toString} is the bare number. */
public record ActivityId(long value) {

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
