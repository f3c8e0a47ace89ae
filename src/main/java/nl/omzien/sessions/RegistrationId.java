package nl.omzien.sessions;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The id of a registration for a session ({@code sessions.registration}), so it cannot be mixed up with
 * another kind of id. {@code toString} is the bare number, as in URLs and logs,
 * and the bare number in JSON (the own-data export).
 */
public record RegistrationId(long value) {

    public RegistrationId {
        if (value <= 0) {
            throw new IllegalArgumentException("RegistrationId must be positive: " + value);
        }
    }

    @JsonValue
    @Override
    public long value() {
        return value;
    }

    public static RegistrationId of(long value) {
        return new RegistrationId(value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
