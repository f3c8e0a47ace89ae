package nl.omzien.sessions;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The id of a training session ({@code sessions.training_session}), so it cannot be mixed up with
 * another kind of id. {@code toString} is the bare number, as in URLs and logs,
 * and the bare number in JSON (the own-data export).
 */
public record SessionId(long value) {

    public SessionId {
        if (value <= 0) {
            throw new IllegalArgumentException("SessionId must be positive: " + value);
        }
    }

    @JsonValue
    @Override
    public long value() {
        return value;
    }

    public static SessionId of(long value) {
        return new SessionId(value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
