package nl.omzien.sessions.internal;

import nl.omzien.base.DeferredWrites;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Group commit for one session's seat changes. Every change holds the session's row lock until its
 * commit, and a durable commit waits for the disk (about 5 ms here, see bench/README.md), so one change
 * per commit caps a busy session at ~200 changes a second however fast the rest is. Changes that
 * arrive while a commit is under way queue here and the next one to get its turn runs all of them, in
 * arrival order, in one transaction: one lock, one commit, each change still the same code with the
 * same checks, and their audit entries and mails sent together just before the commit ({@link DeferredWrites}).
 * If anything in a batch fails, the batch is rolled back and each change is run again on
 * its own, so one refused change never takes the others down with it.
 *
 * <p>Whoever's turn it is runs batches until their own change is done, then wakes the first caller still
 * waiting to take over. The others sleep until their change is done; they do not queue for the turn
 * themselves. (They used to: after each batch, every caller whose change it had run took the turn once
 * only to see it was done, one wake-up after the other, and the next batch waited for all of them.)
 *
 * <p>Inside an existing transaction a change runs at once in that transaction, as before. Across
 * application instances the row lock in {@link SeatAllocation} still orders everything; this queue
 * only saves commits within one instance.
 */
@Component
public class SeatChangeQueue {

    /** Bounds a transaction's length (and the wait of the last in a batch). */
    private static final int MAX_BATCH = 64;
    private static final long WAKE_UP_CHECK_NANOS = 10_000_000;

    private final TransactionTemplate transactions;
    // One small lane per session ever changed since startup: thousands at most, so never pruned.
    private final Map<Long, Lane> lanes = new ConcurrentHashMap<>();
    private final LongAdder batches = new LongAdder();
    private final LongAdder changes = new LongAdder();

    SeatChangeQueue(PlatformTransactionManager transactionManager) {
        this.transactions = new TransactionTemplate(transactionManager);
    }

    private static final class Lane {
        final ReentrantLock turn = new ReentrantLock();
        final Queue<Change<?>> waiting = new ConcurrentLinkedQueue<>();
    }

    private static final class Change<T> {
        final Supplier<T> work;
        final Thread caller;
        volatile boolean done;
        T value;
        RuntimeException failure;

        Change(Supplier<T> work, Thread caller) {
            this.work = work;
            this.caller = caller;
        }

        @SuppressWarnings("unchecked")
        void succeed(Object result) {
            value = (T) result;
            done = true;
            LockSupport.unpark(caller);
        }

        void fail(RuntimeException e) {
            failure = e;
            done = true;
            LockSupport.unpark(caller);
        }

        T result() {
            if (failure != null) {
                throw failure;
            }
            return value;
        }
    }

    /**
     * Runs a seat change for a session and returns its result (or throws its exception) once committed.
     * The work must not rely on the caller's thread (security context): another caller may run it.
     */
    public <T> T run(long sessionId, Supplier<T> work) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            return work.get();
        }
        Lane lane = lanes.computeIfAbsent(sessionId, id -> new Lane());
        Change<T> change = new Change<>(work, Thread.currentThread());
        lane.waiting.add(change);
        while (!change.done) {
            if (lane.turn.tryLock()) {
                try {
                    while (!change.done) {
                        List<Change<?>> batch = new ArrayList<>();
                        for (Change<?> next; batch.size() < MAX_BATCH && (next = lane.waiting.poll()) != null; ) {
                            batch.add(next);
                        }
                        runBatch(batch);
                    }
                } finally {
                    lane.turn.unlock();
                }
                // A caller that found the turn taken is asleep: wake the first in line to take over. (Its
                // change was queued before its failed try, so before this look; none is left behind.)
                Change<?> next = lane.waiting.peek();
                if (next != null) {
                    LockSupport.unpark(next.caller);
                }
            } else {
                // Woken when the change is done or it is this caller's turn; the timeout only guards.
                LockSupport.parkNanos(this, WAKE_UP_CHECK_NANOS);
            }
        }
        return change.result();
    }

    /** How many transactions ran how many changes since startup: shows whether commits are shared. */
    public record Stats(long transactions, long changes) {
    }

    public Stats stats() {
        return new Stats(batches.sum(), changes.sum());
    }

    private void runBatch(List<Change<?>> batch) {
        batches.increment();
        changes.add(batch.size());
        try {
            runAll(batch);
        } finally {
            // An Error (out of memory, say) must not leave a waiting caller spinning on a change nobody runs.
            for (Change<?> change : batch) {
                if (!change.done) {
                    change.fail(new IllegalStateException("Seat change was not run"));
                }
            }
        }
    }

    private void runAll(List<Change<?>> batch) {
        try {
            List<Object> results = transactions.execute(status -> DeferredWrites.collect(() -> {
                List<Object> values = new ArrayList<>(batch.size());
                for (Change<?> change : batch) {
                    values.add(change.work.get());
                }
                return values;
            }));
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).succeed(results.get(i));
            }
        } catch (RuntimeException batchFailed) {
            if (batch.size() == 1) {
                batch.getFirst().fail(batchFailed);
                return;
            }
            for (Change<?> change : batch) {
                try {
                    change.succeed(transactions.execute(status -> DeferredWrites.collect(change.work)));
                } catch (RuntimeException failed) {
                    change.fail(failed);
                }
            }
        }
    }
}
