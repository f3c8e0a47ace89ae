package nl.omzien.notifications;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.sidenav.SideNavItem;
import nl.omzien.notifications.OutboxMail.Delivery;
import nl.omzien.notifications.OutboxMail.Status;
import nl.omzien.notifications.OutgoingMail.Attachment;
import nl.omzien.notifications.internal.JooqMailOutboxRepository;
import nl.omzien.notifications.internal.MailDispatcher;
import nl.omzien.notifications.ui.DevMailboxView;
import nl.omzien.test.KaribuTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

import java.util.UUID;
import java.util.stream.IntStream;

import static com.github.mvysny.kaributesting.v10.GridKt._get;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The outbox in the shared test context, which has no SMTP host: the dev mailbox. */
class MailOutboxTest extends KaribuTest {

    @Autowired
    MailOutbox outbox;
    @Autowired
    MailDispatcher dispatcher;
    @Autowired
    JooqMailOutboxRepository repository;

    static String uniqueAddress(String name) {
        return name + "-" + UUID.randomUUID() + "@example.org";
    }

    /** The only outbox row for this address, read without the admin check. */
    OutboxMail only(String recipient) {
        var mails = repository.latestTo(recipient, 10);
        assertThat(mails).hasSize(1);
        return mails.getFirst();
    }

    @Test
    void withoutSmtpADispatchedMailIsSentToTheDevMailbox() throws InterruptedException {
        String to = uniqueAddress("deelnemer");
        outbox.enqueue(new OutgoingMail(to, "Welkom bij Omzien", "Je account is klaar."));
        // The every-10-seconds schedule may already have taken it.
        assertThat(only(to).status()).isIn(Status.PENDING, Status.SENT);

        // The schedule may hold this very row at the moment (SKIP LOCKED then makes this call pass it by),
        // so dispatch until its transaction has ended.
        for (int i = 0; i < 50 && only(to).status() == Status.PENDING; i++) {
            dispatcher.dispatchDue();
            Thread.sleep(100);
        }
        OutboxMail sent = only(to);
        assertThat(sent.status()).isEqualTo(Status.SENT);
        assertThat(sent.deliveredTo()).isEqualTo(Delivery.DEV_MAILBOX);
        assertThat(sent.sentAt()).isNotNull();
        assertThat(outbox.deliversViaSmtp()).isFalse();
    }

    @Test
    void aMailWithoutRecipientSubjectOrTextIsRefused() {
        assertThatThrownBy(() -> new OutgoingMail("geen-adres", "Onderwerp", "Tekst")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new OutgoingMail("a@example.org,b@example.org", "Onderwerp", "Tekst"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new OutgoingMail("a@example.org", " ", "Tekst")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new OutgoingMail("a@example.org", "Regel\nBcc: b@example.org", "Tekst"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new OutgoingMail("a@example.org", "Onderwerp", "")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Attachment("a.pdf", "application/pdf", null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> outbox.enqueue(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void adminReadsAQueuedMailAndFollowsItsLinkInTheDevMailbox() {
        signInAs(ADMIN);
        String to = uniqueAddress("kapper");
        long id = outbox.enqueue(new OutgoingMail(to, "Bevestig je aanmelding",
                "Hallo,\n\nBevestig je aanmelding via https://omzien.example/aanmelden/abc123.\nTot ziens!"));
        open("dev-mailbox");

        assertThat(_find(SideNavItem.class).stream().map(SideNavItem::getPath)).contains("dev-mailbox");
        assertThat(_get(Paragraph.class, spec -> spec.withId("mailbox-notice")).getText()).contains("geen mailserver");
        @SuppressWarnings("unchecked")
        Grid<OutboxMail> grid = _get(Grid.class);
        OutboxMail row = IntStream.range(0, _size(grid)).mapToObj(i -> _get(grid, i))
                .filter(mail -> mail.id() == id).findFirst().orElseThrow();
        assertThat(row.subject()).isEqualTo("Bevestig je aanmelding");

        grid.select(row);
        Anchor link = _get(Anchor.class, spec -> spec.withText("https://omzien.example/aanmelden/abc123"));
        assertThat(link.getHref()).as("the full stop after the link is not part of it")
                .isEqualTo("https://omzien.example/aanmelden/abc123");
        assertThat(outbox.latestTo(to.toUpperCase())).extracting(OutboxMail::id).containsExactly(id);
    }

    @Test
    void participantCannotOpenTheDevMailboxOrReadTheOutbox() {
        signInAs(PARTICIPANT);
        assertThatThrownBy(() -> open("dev-mailbox")).isInstanceOf(com.github.mvysny.kaributesting.v10.MockAccessDeniedException.class);
        _assertNone(DevMailboxView.class);
        assertThatThrownBy(() -> outbox.latestTo(PARTICIPANT)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void aMailQueuedSinceShowsWhenTheAdminOpensTheMailboxAgain() {
        signInAs(ADMIN);
        open("dev-mailbox");
        String to = uniqueAddress("bakker");
        long id = outbox.enqueue(new OutgoingMail(to, "Welkom bij Omzien", "Hallo,\n\nWelkom!"));

        open("dev-mailbox");
        @SuppressWarnings("unchecked")
        Grid<OutboxMail> grid = _get(Grid.class);
        assertThat(IntStream.range(0, _size(grid)).mapToObj(i -> _get(grid, i)).filter(mail -> mail.id() == id)).hasSize(1);
        assertThat(_find(com.vaadin.flow.component.html.Div.class, spec -> spec.withId("mail-details"))).hasSize(1);
    }
}
