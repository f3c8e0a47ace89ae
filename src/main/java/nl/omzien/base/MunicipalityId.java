package nl.omzien.base;

import com.fasterxml.jackson.annotation.JsonValue;

import java.io.Serializable;

/**
 * The id of a municipality ({@code people.municipality}), so it cannot be mixed up with
 * another kind of id. {@code toString} is the bare number, as in URLs and logs,
 * and the bare number in JSON (the own-data export). Serializable: the signed-in user and a pending
 * sign-in carry ids and live in the HTTP session.
 */
public record MunicipalityId(long value) implements Serializable {

    public MunicipalityId {
        if (value <= 0) {
            throw new IllegalArgumentException("MunicipalityId must be positive: " + value);
        }
    }

    @JsonValue
    @Override
    public long value() {
        return value;
    }

    public static MunicipalityId of(long value) {
        return new MunicipalityId(value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
