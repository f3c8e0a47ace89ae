package nl.omzien.privacy;

import nl.omzien.test.IntegrationTest;

/** Demo accounts the privacy tests act as. */
final class PrivacyTestSupport {

    static final String TRAINER = IntegrationTest.TRAINER;
    static final String ADMIN = IntegrationTest.ADMIN;

    private PrivacyTestSupport() {
    }
}
