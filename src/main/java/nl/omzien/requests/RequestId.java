package nl.omzien.requests;

/** The id of one training request. */
public record RequestId(long value) {

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
