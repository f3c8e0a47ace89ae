package nl.omzien.base;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;

/**
 * Finds a {@link StartupFailure} anywhere in the cause chain of a failed start (it usually arrives wrapped in
 * several bean creation exceptions) and reports it on its own. Registered in {@code META-INF/spring.factories}.
 */
class StartupFailureAnalyzer implements FailureAnalyzer {

    @Override
    public FailureAnalysis analyze(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof StartupFailure startupFailure) {
                return new FailureAnalysis(startupFailure.description(), startupFailure.action(), cause);
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return null;
    }
}
