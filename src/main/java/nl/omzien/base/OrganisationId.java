package nl.omzien.base;

import com.fasterxml.jackson.annotation.JsonValue;

import java.io.Serializable;

/**
 * The id of an organisation ({@code people.organisation}), so it cannot be mixed up with
 * another kind of id. {@code toString} is the bare number, as in URLs and logs,
 * and the bare number in JSON (the own-data export). Serializable: the signed-in user and a pending
 * sign-in carry ids and live in the HTTP session.
 */
public record OrganisationId(long value) implements Serializable {

    public OrganisationId {
        if (value <= 0) {
            throw new IllegalArgumentException("OrganisationId must be positive: " + value);
        }
    }

    @JsonValue
    @Override
    public long value() {
        return value;
    }

    public static OrganisationId of(long value) {
        return new OrganisationId(value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
