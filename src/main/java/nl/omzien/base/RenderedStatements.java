package nl.omzien.base;

import org.jooq.DSLContext;
import org.jooq.Query;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;

/** Makes {@link RenderedStatement}s: renders with the app's jOOQ dialect, runs on the app's pool. */
@Component
public class RenderedStatements {

    private final DSLContext db;
    private final DataSource dataSource;

    RenderedStatements(DSLContext db, DataSource dataSource) {
        this.db = db;
        this.dataSource = dataSource;
    }

    /** See {@link RenderedStatement}: {@code names} are the query's {@code DSL.param} placeholders, in argument order. */
    public RenderedStatement of(Query query, String... names) {
        return RenderedStatement.of(db, dataSource, query, names);
    }
}
