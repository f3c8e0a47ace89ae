package nl.omzien;

import nl.omzien.test.IntegrationTest;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One convention for what a feature publishes to the others (V26): read-only views {@code <feature>.v_<what>},
 * each saying so in its comment, generated into {@code nl.omzien.<feature>.published}. No second naming
 * (V22's {@code <feature>_published_<what>}) may come back, not even in a function body, where a rename
 * would only fail at run time.
 */
class PublishedViewsTest extends IntegrationTest {

    @Autowired DSLContext db;

    @Test
    void everyPublishedViewIsAVView_InItsOwnersSchemaAndSaysWhoPublishesIt() {
        var views = db.fetch("""
                select n.nspname as schema, c.relname as name, obj_description(c.oid) as comment
                  from pg_class c join pg_namespace n on n.oid = c.relnamespace
                 where c.relkind = 'v' and c.relname like 'v\\_%'
                   and n.nspname not in ('pg_catalog', 'information_schema')""");
        assertThat(views).extracting(r -> r.get("schema") + "." + r.get("name")).contains(
                "people.v_person", "people.v_organisation", "people.v_municipality", "sessions.v_registration",
                "sessions.v_session_figures", "sessions.v_evaluation_comment", "training.v_attempt_outcome",
                "certificates.v_first_certificate_per_path", "sessions.v_attendance");
        views.forEach(r -> assertThat(r.get("comment", String.class)).as("comment of %s.%s", r.get("schema"), r.get("name"))
                .startsWith("Published by " + r.get("schema") + ", read-only"));
    }

    @Test
    void noViewOrFunctionUsesTheOldSecondNaming() {
        assertThat(db.fetchValues("""
                select n.nspname || '.' || c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
                 where c.relkind = 'v' and c.relname like '%\\_published\\_%'""")).isEmpty();
        assertThat(db.fetchValues("""
                select n.nspname || '.' || p.proname from pg_proc p join pg_namespace n on n.oid = p.pronamespace
                 where p.prosrc like '%\\_published\\_%'""")).isEmpty();
        assertThat(db.fetchValues("""
                select v.schemaname || '.' || v.viewname from pg_views v
                 where v.definition like '%\\_published\\_%'""")).isEmpty();
    }
}
