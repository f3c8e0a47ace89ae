package nl.omzien.notifications.internal;

import nl.omzien.base.PersonalDataSection;
import nl.omzien.base.PersonalDataSubject;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;

import static nl.omzien.notifications.internal.db.Tables.MAIL_OUTBOX;
import static org.jooq.impl.DSL.lower;
import static org.jooq.impl.DSL.condition;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.val;

/**
 * Mails addressed to the person (sent or waiting). Erasing deletes them, and blanks the person's name and
 * address where they appear in mails to others (a trainer's "new sign-up" mail, say).
 */
@Component
class NotificationsPersonalData implements PersonalDataSection {

    static final String ERASED = "[verwijderd]";

    private final DSLContext db;

    NotificationsPersonalData(DSLContext db) {
        this.db = db;
    }

    @Override
    public String name() {
        return "mail";
    }

    @Override
    public Map<String, ?> export(PersonalDataSubject subject) {
        return Map.of("mail_outbox", db.select(MAIL_OUTBOX.ID, MAIL_OUTBOX.RECIPIENT, MAIL_OUTBOX.SENDER_NAME,
                        MAIL_OUTBOX.SUBJECT, MAIL_OUTBOX.BODY_TEXT, MAIL_OUTBOX.ATTACHMENT_NAME, MAIL_OUTBOX.STATUS,
                        MAIL_OUTBOX.CREATED_AT, MAIL_OUTBOX.SENT_AT)
                .from(MAIL_OUTBOX).where(lower(MAIL_OUTBOX.RECIPIENT).in(subject.emails()))
                .orderBy(MAIL_OUTBOX.ID).fetchMaps());
    }

    @Override
    public void erase(PersonalDataSubject subject) {
        db.deleteFrom(MAIL_OUTBOX).where(lower(MAIL_OUTBOX.RECIPIENT).in(subject.emails())).execute();
        blank(subject.fullName());
        subject.emails().forEach(this::blank);
    }

    private void blank(String text) {
        if (text == null || text.isBlank()) {
            return;
        }
        // Case-insensitive: addresses are compared in lower case, but mails show them as typed.
        String pattern = text.replaceAll("[\\\\^$.|?*+()\\[\\]{}]", "\\\\$0");
        for (Field<String> column : List.of(MAIL_OUTBOX.SUBJECT, MAIL_OUTBOX.BODY_TEXT, MAIL_OUTBOX.BODY_HTML)) {
            db.update(MAIL_OUTBOX)
                    .set(column, field("regexp_replace({0}, {1}, {2}, 'gi')", String.class, column, val(pattern), val(ERASED)))
                    .where(condition("{0} ~* {1}", column, val(pattern))).execute();
        }
    }

    /** After the features whose erasure queues mail (a cancelled seat), before the account row. */
    @Override
    public int erasureOrder() {
        return 500;
    }
}
