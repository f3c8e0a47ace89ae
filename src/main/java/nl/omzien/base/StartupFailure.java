package nl.omzien.base;

/**
 * An exception that stops start-up for a reason an operator can fix (a broken module file, a port taken by
 * another PostgreSQL). {@link StartupFailureAnalyzer} reports it as Spring Boot's short "APPLICATION FAILED TO
 * START" block with this description and action, instead of ~100 lines of nested stack trace.
 */
public interface StartupFailure {

    /** What is wrong, naming the real file, folder or port. */
    String description();

    /** What the operator does about it. */
    String action();
}
