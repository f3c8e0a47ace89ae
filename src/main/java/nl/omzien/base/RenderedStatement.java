package nl.omzien.base;

import org.jooq.DSLContext;
import org.jooq.Param;
import org.jooq.Query;
import org.jooq.conf.ParamType;
import org.jooq.exception.DataAccessException;
import org.springframework.jdbc.datasource.DataSourceUtils;

import javax.sql.DataSource;
import java.sql.Connection;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A hot statement written with jOOQ's typed DSL, rendered to SQL once and then run with new values
 * straight on JDBC. Only for the few statements on the sign-up path that run thousands of times a
 * second: there, building and rendering a jOOQ query took more CPU than PostgreSQL needed to run it
 * (see bench/README.md; the jOOQ manual's "performance considerations" suggests caching the SQL).
 *
 * <p>Values come from {@code DSL.param(name, type)} placeholders, given in the order of {@code names};
 * every other bind value in the query is a constant and keeps its value. Runs on the connection of the
 * current Spring transaction, if there is one, like any jOOQ query; the connection is taken from the
 * pool's {@link DataSource} through {@link DataSourceUtils}, without the proxy jOOQ's configuration wraps
 * around every connection. Made by {@link RenderedStatements}.
 */
public final class RenderedStatement {

    /** Reads one row; the result set is already positioned on it. */
    @FunctionalInterface
    public interface RowReader<T> {
        T read(ResultSet row) throws SQLException;
    }

    private final DataSource dataSource;
    private final String sql;
    private final Slot[] slots;

    /** Where a bind position takes its value: the caller's argument {@code argument}, or a constant. */
    private record Slot(int argument, Object constant, int sqlType) {
    }

    private RenderedStatement(DataSource dataSource, String sql, Slot[] slots) {
        this.dataSource = dataSource;
        this.sql = sql;
        this.slots = slots;
    }

    /** Fails at startup when a name is missing from the query or a placeholder is used twice. */
    static RenderedStatement of(DSLContext db, DataSource dataSource, Query query, String... names) {
        // Inlined constants are part of the SQL text; the others are bound, in this order.
        List<Param<?>> params = query.getParams().values().stream().filter(p -> !p.isInline()).toList();
        if (params.size() != query.getBindValues().size()) {
            throw new IllegalArgumentException("Each placeholder may occur once: " + db.render(query));
        }
        List<String> wanted = Arrays.asList(names);
        List<Slot> slots = new ArrayList<>();
        for (Param<?> param : params) {
            int argument = param.getParamName() == null ? -1 : wanted.indexOf(param.getParamName());
            int sqlType = param.getDataType().getSQLType();
            // jOOQ calls byte[] a BLOB; to the PostgreSQL driver a null BLOB is an oid, not a bytea.
            slots.add(new Slot(argument, param.getValue(), sqlType == Types.BLOB ? Types.BINARY : sqlType));
        }
        for (int i = 0; i < names.length; i++) {
            int index = i;
            if (slots.stream().noneMatch(s -> s.argument() == index)) {
                throw new IllegalArgumentException("No placeholder " + names[i] + " in " + db.render(query));
            }
        }
        String sql = db.renderContext().paramType(ParamType.INDEXED).render(query);
        return new RenderedStatement(dataSource, sql, slots.toArray(Slot[]::new));
    }

    /** Runs {@code work} on the transaction's connection (or a pooled one), translating SQL errors as jOOQ does. */
    private <T> T withConnection(ConnectionWork<T> work) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            return work.run(connection);
        } catch (SQLException e) {
            throw new DataAccessException("SQL [" + sql + "]; " + e.getMessage(), e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    @FunctionalInterface
    private interface ConnectionWork<T> {
        T run(Connection connection) throws SQLException;
    }

    public <T> Optional<T> fetchOptional(RowReader<T> reader, Object... values) {
        List<T> rows = fetchList(reader, values);
        if (rows.size() > 1) {
            throw new IllegalStateException("More than one row: " + sql);
        }
        return rows.stream().findFirst();
    }

    public <T> List<T> fetchList(RowReader<T> reader, Object... values) {
        return withConnection(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                bind(statement, values);
                try (ResultSet rows = statement.executeQuery()) {
                    List<T> result = new ArrayList<>();
                    while (rows.next()) {
                        result.add(reader.read(rows));
                    }
                    return result;
                }
            }
        });
    }

    public <T> T fetchSingle(RowReader<T> reader, Object... values) {
        return fetchOptional(reader, values).orElseThrow(() -> new IllegalStateException("No row: " + sql));
    }

    public int execute(Object... values) {
        return withConnection(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                bind(statement, values);
                return statement.executeUpdate();
            }
        });
    }

    /** An insert nobody reads back in this transaction: see {@link DeferredWrites}. */
    public void executeDeferred(Object... values) {
        DeferredWrites.write(this, values);
    }

    /** One JDBC batch: the driver sends all rows before waiting for an answer. */
    void executeBatch(List<Object[]> rows) {
        withConnection(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                for (Object[] values : rows) {
                    bind(statement, values);
                    statement.addBatch();
                }
                return statement.executeBatch();
            }
        });
    }

    private void bind(PreparedStatement statement, Object[] values) throws SQLException {
        for (int i = 0; i < slots.length; i++) {
            Slot slot = slots[i];
            Object value = slot.argument() < 0 ? slot.constant() : values[slot.argument()];
            // The driver's setObject tries type after type; the common ones go straight to their setter.
            switch (value) {
                case null -> statement.setNull(i + 1, slot.sqlType());
                case String text -> statement.setString(i + 1, text);
                case Long number -> statement.setLong(i + 1, number);
                case Integer number -> statement.setInt(i + 1, number);
                case byte[] bytes -> statement.setBytes(i + 1, bytes);
                default -> statement.setObject(i + 1, value);
            }
        }
    }
}
