package nl.omzien.security;

import nl.omzien.security.internal.LoginThrottle;
import nl.omzien.test.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class LoginThrottleTest extends IntegrationTest {

    @Autowired
    LoginThrottle throttle;

    private static String freshIp() {
        return "10.9." + (int) (Math.random() * 250) + "." + (int) (Math.random() * 250) + "-" + UUID.randomUUID();
    }

    @Test
    void fiveFailuresBlockOnlyThatAccountFromThatAddress() {
        String ip = freshIp();
        String email = "iemand-" + UUID.randomUUID() + "@example.org";
        for (int i = 0; i < 4; i++) {
            throttle.record(email, ip, false);
        }
        assertThat(throttle.isThrottled(email, ip)).as("four failures are allowed").isFalse();
        throttle.record(email.toUpperCase(), ip, false);
        assertThat(throttle.isThrottled(email, ip)).as("fifth failure, any case").isTrue();
        assertThat(throttle.isThrottled(email, freshIp())).as("the real owner elsewhere can still sign in").isFalse();
        assertThat(throttle.isThrottled("ander-" + email, ip)).as("other accounts from that address").isFalse();
    }

    @Test
    void aSuccessfulSignInResetsTheCount() {
        String ip = freshIp();
        String email = "reset-" + UUID.randomUUID() + "@example.org";
        for (int i = 0; i < 4; i++) {
            throttle.record(email, ip, false);
        }
        throttle.record(email, ip, true);
        throttle.record(email, ip, false);
        assertThat(throttle.isThrottled(email, ip)).isFalse();
    }

    @Test
    void manyAccountsTriedFromOneAddressBlockThatAddress() {
        String ip = freshIp();
        for (int i = 0; i < 30; i++) {
            throttle.record("spray-" + i + "-" + UUID.randomUUID() + "@example.org", ip, false);
        }
        assertThat(throttle.isThrottled("nieuw-" + UUID.randomUUID() + "@example.org", ip)).isTrue();
    }
}
