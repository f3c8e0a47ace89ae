package nl.omzien.certificates;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The id of a certificate ({@code certificates.certificate}), so it cannot be mixed up with
 * another kind of id. {@code toString} is the bare number, as in URLs and logs,
 * and the bare number in JSON (the own-data export).
 */
public record CertificateId(long value) {

    public CertificateId {
        if (value <= 0) {
            throw new IllegalArgumentException("CertificateId must be positive: " + value);
        }
    }

    @JsonValue
    @Override
    public long value() {
        return value;
    }

    public static CertificateId of(long value) {
        return new CertificateId(value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
