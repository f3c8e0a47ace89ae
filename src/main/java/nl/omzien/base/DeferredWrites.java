package nl.omzien.base;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Inserts nobody reads back in the same transaction (audit entries, queued mail), collected while one
 * transaction runs many changes and sent before it commits as one JDBC batch per statement: one round
 * trip instead of one per row. For the seat change queue, where every round trip is spent holding the
 * session's lock. Outside {@link #collect} a deferred write runs at once.
 */
public final class DeferredWrites {

    private static final ThreadLocal<DeferredWrites> CURRENT = new ThreadLocal<>();

    // In order of first use; each statement's rows in the order written, so ids follow the same order.
    private final Map<RenderedStatement, List<Object[]>> pending = new LinkedHashMap<>();

    private DeferredWrites() {
    }

    /**
     * Runs {@code work} (inside a transaction the caller opened) with writes deferred, then sends them,
     * still inside that transaction. If {@code work} throws, nothing deferred is sent.
     */
    public static <T> T collect(Supplier<T> work) {
        if (CURRENT.get() != null) {
            return work.get();
        }
        DeferredWrites writes = new DeferredWrites();
        CURRENT.set(writes);
        try {
            T result = work.get();
            writes.flush();
            return result;
        } finally {
            CURRENT.remove();
        }
    }

    /** Runs now, or queues the row when {@link #collect} is running on this thread. */
    static void write(RenderedStatement statement, Object[] values) {
        DeferredWrites writes = CURRENT.get();
        if (writes == null) {
            statement.execute(values);
        } else {
            writes.pending.computeIfAbsent(statement, s -> new ArrayList<>()).add(values.clone());
        }
    }

    private void flush() {
        pending.forEach(RenderedStatement::executeBatch);
        pending.clear();
    }
}
