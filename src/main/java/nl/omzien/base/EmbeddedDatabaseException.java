package nl.omzien.base;

/**
 * The embedded PostgreSQL cannot be used safely; start-up stops. Carries what an operator should do, which
 * {@link StartupFailureAnalyzer} prints as one short block instead of a stack trace.
 */
final class EmbeddedDatabaseException extends RuntimeException implements StartupFailure {

    private final String action;

    EmbeddedDatabaseException(String description, String action) {
        super(description);
        this.action = action;
    }

    EmbeddedDatabaseException(String description, String action, Throwable cause) {
        super(description, cause);
        this.action = action;
    }

    @Override
    public String description() {
        return getMessage();
    }

    @Override
    public String action() {
        return action;
    }
}
