package nl.omzien.api;

/** A new key with its secret, which the lead sees this once: only its hash is stored. */
public record CreatedApiKey(ApiKey key, String secret) {

    @Override
    public String toString() {
        return "CreatedApiKey[" + key.id() + "]";
    }
}
