package nl.omzien.certificates;

import java.util.Optional;

/** The answer to a lookup on the public verify page. */
public sealed interface VerificationResult {

    /** The code belongs to a certificate. */
    record Found(Verification verification) implements VerificationResult { }

    /** No certificate has this code (or it is not even shaped like one). */
    record Unknown() implements VerificationResult { }

    /** Too many lookups from this address; try again later. */
    record TooManyRequests() implements VerificationResult { }

    default Optional<Verification> found() {
        return this instanceof Found found ? Optional.of(found.verification()) : Optional.empty();
    }
}
