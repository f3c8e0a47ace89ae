package nl.omzien.security;

import nl.omzien.security.internal.LoginThrottle;
import nl.omzien.security.internal.ThrottlingAuthenticationProvider.LoginThrottledException;
import nl.omzien.test.Bursts;
import nl.omzien.test.IntegrationTest;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

import static nl.omzien.security.internal.db.Tables.THROTTLE_EVENT;
import static org.assertj.core.api.Assertions.assertThat;

class LoginThrottleTest extends IntegrationTest {

    @Autowired
    LoginThrottle throttle;
    @Autowired
    AuthenticationManager authenticationManager;
    @Autowired
    DSLContext db;
    @Autowired
    DataSource dataSource;

    private static String freshIp() {
        return "10.9." + (int) (Math.random() * 250) + "." + (int) (Math.random() * 250) + "-" + UUID.randomUUID();
    }

    @Test
    void fiveFailuresBlockOnlyThatAccountFromThatAddress() {
        String ip = freshIp();
        String email = "iemand-" + UUID.randomUUID() + "@example.org";
        for (int i = 0; i < 4; i++) {
            assertThat(throttle.begin(email, ip)).isPresent();
        }
        assertThat(throttle.begin(email.toUpperCase(), ip)).as("the fifth attempt, any case, is still checked").isPresent();
        assertThat(throttle.begin(email, ip)).as("the sixth is refused unchecked").isEmpty();
        assertThat(throttle.begin(email, freshIp())).as("the real owner elsewhere can still sign in").isPresent();
        assertThat(throttle.begin("ander-" + email, ip)).as("other accounts from that address").isPresent();
    }

    @Test
    void aSuccessfulSignInResetsTheCount() {
        String ip = freshIp();
        String email = "reset-" + UUID.randomUUID() + "@example.org";
        for (int i = 0; i < 4; i++) {
            throttle.begin(email, ip);
        }
        throttle.succeeded(throttle.begin(email, ip).orElseThrow());
        for (int i = 0; i < 4; i++) {
            assertThat(throttle.begin(email, ip)).isPresent();
        }
    }

    @Test
    void manyAccountsTriedFromOneAddressBlockThatAddress() {
        String ip = freshIp();
        for (int i = 0; i < 30; i++) {
            throttle.begin("spray-" + i + "-" + UUID.randomUUID() + "@example.org", ip);
        }
        assertThat(throttle.begin("nieuw-" + UUID.randomUUID() + "@example.org", ip)).isEmpty();
    }

    /** Issue 17: 180 parallel wrong passwords had 138 checked when the count was read before and written after. */
    @Test
    void parallelWrongPasswordsForOneAccountGetOnlyFiveChecks() throws Exception {
        String ip = freshIp();
        List<Object> outcomes = Bursts.inParallel(180, () -> {
            var attempt = UsernamePasswordAuthenticationToken.unauthenticated(PARTICIPANT_OR_STAFF, "wrong-" + UUID.randomUUID());
            attempt.setDetails(new WebAuthenticationDetails(ip, null));
            try {
                authenticationManager.authenticate(attempt);
                return "signed in";
            } catch (LoginThrottledException e) {
                return "throttled";
            } catch (BadCredentialsException e) {
                return "checked";
            }
        });
        assertThat(outcomes.stream().filter("checked"::equals).count()).as("passwords actually checked").isEqualTo(5);
        assertThat(outcomes.stream().filter("throttled"::equals).count()).isEqualTo(175);
        assertThat(db.fetchCount(THROTTLE_EVENT, THROTTLE_EVENT.IP_ADDRESS.eq(ip))).isEqualTo(5);
    }

    /** The sign-in code step counts through the same call; 60 parallel wrong codes once had 11 checked. */
    @Test
    void parallelAttemptsAtOneAccountPassTheCountExactlyFiveTimes() throws Exception {
        String ip = freshIp();
        String key = "totp:" + UUID.randomUUID() + "@example.org";
        List<Object> outcomes = Bursts.inParallel(60, () -> throttle.begin(key, ip).isPresent());
        assertThat(outcomes.stream().filter(Boolean.TRUE::equals).count()).isEqualTo(5);
    }

    @Test
    void parallelAttemptsAtManyAccountsFromOneAddressStopAtThirty() throws Exception {
        String ip = freshIp();
        List<Object> outcomes = Bursts.inParallel(90, () -> throttle.begin("spray-" + UUID.randomUUID() + "@example.org", ip).isPresent());
        assertThat(outcomes.stream().filter(Boolean.TRUE::equals).count()).isEqualTo(30);
    }

    /**
     * Issue 23: a burst of sign-ins from one address once held every pooled connection while queueing for
     * that address's lock, and other pages failed. Now at most omzien.throttle.max-connections (4) do.
     */
    @Test
    void aBurstOfSignInsFromOneAddressLeavesThePoolToEveryoneElse() throws Exception {
        String ip = freshIp();
        int mostActive = Bursts.mostConnectionsInUse(dataSource, 200,
                () -> throttle.begin("burst-" + UUID.randomUUID() + "@example.org", ip).isPresent());
        // 4 for the throttle, a little room for the app's own scheduled jobs; the pool holds 40.
        assertThat(mostActive).as("connections in use during the burst").isLessThanOrEqualTo(6);
    }

    private static final String PARTICIPANT_OR_STAFF = TRAINER;
}
