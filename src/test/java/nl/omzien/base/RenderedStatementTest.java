package nl.omzien.base;

import nl.omzien.notifications.MailOutbox;
import nl.omzien.notifications.OutgoingMail;
import nl.omzien.test.IntegrationTest;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.UUID;

import static nl.omzien.notifications.internal.db.Tables.MAIL_OUTBOX;
import static nl.omzien.people.internal.db.Tables.MUNICIPALITY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jooq.impl.DSL.any;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.param;

/** The statements rendered once, and the writes a seat change batch defers to just before its commit. */
class RenderedStatementTest extends IntegrationTest {

    @Autowired DSLContext db;
    @Autowired RenderedStatements statements;
    @Autowired MailOutbox outbox;
    @Autowired TransactionTemplate tx;

    @Test
    void placeholdersAreBoundByNameAndConstantsKeepTheirValue() {
        var byName = statements.of(db.select(MUNICIPALITY.NAME).from(MUNICIPALITY)
                .where(MUNICIPALITY.NAME.eq(param("name", String.class))).and(MUNICIPALITY.ID.gt(0L))
                .and(MUNICIPALITY.NAME.ne(inline("x"))), "name");
        assertThat(byName.fetchOptional(r -> r.getString(1), "Coevorden")).contains("Coevorden");
        assertThat(byName.fetchOptional(r -> r.getString(1), "Nergenshuizen")).isEmpty();
    }

    @Test
    void anArrayIsBoundAsOneValueAndFetchOptionalRefusesTwoRows() {
        var named = statements.of(db.select(MUNICIPALITY.NAME).from(MUNICIPALITY)
                .where(MUNICIPALITY.NAME.eq(any(param("names", String[].class)))).orderBy(MUNICIPALITY.NAME), "names");
        String[] both = {"Twenterand", "Coevorden", "Nergenshuizen"};
        assertThat(named.fetchList(r -> r.getString(1), (Object) both)).containsExactly("Coevorden", "Twenterand");
        assertThatThrownBy(() -> named.fetchOptional(r -> r.getString(1), (Object) both))
                .hasMessageContaining("More than one row");
        assertThat(named.fetchOptional(r -> r.getString(1), (Object) new String[] {"Coevorden"})).contains("Coevorden");
    }

    @Test
    void aMistakeInTheQueryFailsWhenTheStatementIsMadeNotWhenItRuns() {
        var name = param("name", String.class);
        assertThatThrownBy(() -> statements.of(db.selectOne().from(MUNICIPALITY).where(MUNICIPALITY.NAME.eq(name)), "naam"))
                .hasMessageContaining("No placeholder naam");
        assertThatThrownBy(() -> statements.of(db.selectOne().from(MUNICIPALITY)
                .where(MUNICIPALITY.NAME.eq(name)).or(MUNICIPALITY.NAME.eq(name)), "name"))
                .hasMessageContaining("Each placeholder may occur once");
    }

    @Test
    void deferredWritesAreSentJustBeforeTheCommitAndNotAtAllWhenTheWorkFails() {
        String subject = "Uitgesteld " + UUID.randomUUID();
        tx.executeWithoutResult(status -> DeferredWrites.collect(() -> {
            outbox.queue(new OutgoingMail("uitgesteld@omzien.example", subject, "Tekst"));
            assertThat(count(subject)).as("not yet written while the work runs").isZero();
            return null;
        }));
        assertThat(count(subject)).as("written with the commit").isEqualTo(1);

        String failed = "Mislukt " + UUID.randomUUID();
        assertThatThrownBy(() -> tx.executeWithoutResult(status -> DeferredWrites.collect(() -> {
            outbox.queue(new OutgoingMail("uitgesteld@omzien.example", failed, "Tekst"));
            throw new IllegalStateException("refused");
        }))).hasMessage("refused");
        assertThat(count(failed)).isZero();

        // Outside a collecting transaction a deferred write happens at once, null attachment and all.
        String direct = "Direct " + UUID.randomUUID();
        outbox.queue(new OutgoingMail("uitgesteld@omzien.example", direct, "Tekst"));
        assertThat(count(direct)).isEqualTo(1);
    }

    private int count(String subject) {
        return db.fetchCount(MAIL_OUTBOX, MAIL_OUTBOX.SUBJECT.eq(subject));
    }
}
