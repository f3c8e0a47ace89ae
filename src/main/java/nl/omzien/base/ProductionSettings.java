package nl.omzien.base;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.context.EnvironmentAware;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * In production ({@code prod} profile) Omzien does not start without the settings that have a development
 * default elsewhere: a published default key or a localhost address would be worse than not running. Every
 * problem is listed at once, so an operator fixes them in one go. A bean factory post-processor, so the check
 * runs before any other bean (the database, the schedules) starts.
 */
@Component
@Profile("prod")
class ProductionSettings implements BeanFactoryPostProcessor, EnvironmentAware {

    /** Spring Security's key derivation accepts anything; a short key is guessable. */
    static final int MIN_KEY_LENGTH = 32;

    // Set as Aware, not by constructor: a bean factory post-processor is created before autowiring exists.
    private Environment environment;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        List<String> problems = problems(environment);
        if (!problems.isEmpty()) {
            throw new Missing(problems);
        }
    }

    static List<String> problems(Environment environment) {
        List<String> problems = new ArrayList<>();
        String key = environment.getProperty("omzien.totp.encryption-key", "");
        if (key.isBlank()) {
            problems.add("OMZIEN_TOTP_KEY is not set: the key that encrypts staff authenticator secrets"
                    + " (a long random value, e.g. `openssl rand -base64 48`; keep it, changing it resets every staff app)");
        } else if (key.strip().length() < MIN_KEY_LENGTH || key.contains("dev-only")) {
            problems.add("OMZIEN_TOTP_KEY is too short or the development key: use at least " + MIN_KEY_LENGTH
                    + " random characters");
        }
        if (environment.getProperty("omzien.badges.signing-key", "").isBlank()) {
            problems.add("OMZIEN_BADGE_KEY is not set: the RSA private key that signs Open Badges (JWK or PKCS#8 PEM,"
                    + " e.g. `openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:3072`; keep it, verifiers know its public half)");
        }
        String baseUrl = environment.getProperty("omzien.base-url", "");
        if (baseUrl.isBlank()) {
            problems.add("OMZIEN_BASE_URL is not set: the public https:// address used in mails and QR codes");
        } else if (!isPublicHttps(baseUrl)) {
            problems.add("OMZIEN_BASE_URL must be the public https:// address (not localhost), was: " + baseUrl);
        }
        return problems;
    }

    private static boolean isPublicHttps(String url) {
        try {
            URI uri = URI.create(url.strip());
            return "https".equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null
                    && !uri.getHost().equalsIgnoreCase("localhost") && !uri.getHost().startsWith("127.");
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Production settings are missing or unsafe; the message lists each one. */
    static final class Missing extends IllegalStateException {

        private final List<String> problems;

        Missing(List<String> problems) {
            super("Omzien does not start in production without these settings:\n  - " + String.join("\n  - ", problems));
            this.problems = List.copyOf(problems);
        }

        List<String> problems() {
            return problems;
        }
    }

    /** Turns {@link Missing} into Spring Boot's "APPLICATION FAILED TO START" report instead of a stack trace. */
    static final class Analyzer extends AbstractFailureAnalyzer<Missing> {

        @Override
        protected FailureAnalysis analyze(Throwable rootFailure, Missing cause) {
            return new FailureAnalysis(cause.getMessage(),
                    "Set the environment variables above (see README, 'Production'), or start without the prod profile"
                            + " for a local try-out.", cause);
        }
    }
}
