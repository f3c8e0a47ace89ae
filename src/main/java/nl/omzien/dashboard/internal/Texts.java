package nl.omzien.dashboard.internal;

/** Translates a message key with arguments into the reader's language. */
@FunctionalInterface
public interface Texts {
    String get(String key, Object... args);
}
