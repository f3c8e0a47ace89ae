package nl.omzien.notifications;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import nl.omzien.notifications.OutboxMail.Status;
import nl.omzien.notifications.internal.JooqMailOutboxRepository;
import nl.omzien.notifications.internal.MailDispatcher;
import nl.omzien.test.KaribuTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.file.Path;
import java.util.stream.IntStream;

import static com.github.mvysny.kaributesting.v10.GridKt._get;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static nl.omzien.notifications.MailOutboxTest.uniqueAddress;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The prod profile with its required settings and without SMTP: it starts, and mail waits in the outbox
 * (shown as waiting) instead of landing in a dev mailbox where an admin could follow participants' links.
 */
@ActiveProfiles("prod")
class MailInProductionTest extends KaribuTest {

    private static final String DATA_DIR = Path.of(System.getProperty("java.io.tmpdir"),
            "omzien-test-prod-" + java.util.UUID.randomUUID(), "postgres").toString();

    @DynamicPropertySource
    static void production(DynamicPropertyRegistry registry) {
        registry.add("omzien.totp.encryption-key", () -> "a-test-key-that-is-long-enough-for-production-0123");
        registry.add("omzien.base-url", () -> "https://omzien.example.nl");
        // Any RSA key will do here; production must not use the development one, which everyone can read.
        registry.add("omzien.badges.signing-key", () -> {
            try {
                return new com.nimbusds.jose.jwk.gen.RSAKeyGenerator(2048).generate().toJSONString();
            } catch (com.nimbusds.jose.JOSEException e) {
                throw new IllegalStateException(e);
            }
        });
        registry.add("omzien.embedded-db.data-dir", () -> DATA_DIR);
        registry.add("omzien.mail.poll-interval", () -> "PT1H");
    }

    @Autowired
    MailOutbox outbox;
    @Autowired
    MailDispatcher dispatcher;
    @Autowired
    JooqMailOutboxRepository repository;

    @Test
    void withoutSmtpMailWaitsInTheOutboxAndAdminsSeeNeitherTextNorLinks() {
        String to = uniqueAddress("deelnemer");
        long id = outbox.enqueue(new OutgoingMail(to, "Je inloglink",
                "Log in via https://omzien.example.nl/login/link/geheim123 (15 minuten geldig)."));
        dispatcher.dispatchDue();

        OutboxMail row = repository.latestTo(to, 10).getFirst();
        assertThat(row.status()).as("waiting, not 'Verstuurd' to a dev mailbox").isEqualTo(Status.PENDING);
        assertThat(row.deliveredTo()).isNull();
        assertThat(outbox.deliversViaSmtp()).isFalse();
        assertThat(outbox.deliversToDevMailbox()).isFalse();

        signInAs(ADMIN);
        assertThat(outbox.latestTo(to)).extracting(OutboxMail::text).as("the service hands out no text").containsOnlyNulls();
        open("dev-mailbox");
        assertThat(_get(Paragraph.class, spec -> spec.withId("mailbox-notice")).getText()).contains("wacht hier");
        @SuppressWarnings("unchecked")
        Grid<OutboxMail> grid = _get(Grid.class);
        OutboxMail listed = IntStream.range(0, _size(grid)).mapToObj(i -> _get(grid, i))
                .filter(mail -> mail.id() == id).findFirst().orElseThrow();
        assertThat(listed.status()).isEqualTo(Status.PENDING);
        grid.select(listed);
        _assertNone(Anchor.class, spec -> spec.withText("https://omzien.example.nl/login/link/geheim123"));
        assertThat(_get(Paragraph.class, spec -> spec.withText("De inhoud van een mail is hier niet te lezen: er kunnen persoonlijke inloglinks in staan."))
                .isVisible()).isTrue();
    }
}
