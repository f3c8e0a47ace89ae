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

/**
 * Group commit for one session's seat changes. Every change holds the session's row lock until its
 * commit, and a durable commit waits for the disk (about 5 ms here, see bench/README.md), so one change
 * per commit caps a busy session at ~200 changes a second however fast the rest is. Changes that
 * arrive while a commit is under way queue here and the next one to get its turn has all of them
 * decided together ({@link SeatAllocation#decide}) in one transaction: one lock, a few statements, one
 * commit, and their audit entries and mails sent together just before it ({@link DeferredWrites}). A
 * refused change (an offer that lapsed) is only that change's answer. If anything else fails, the batch
 * is rolled back and each change is decided again on its own, so one failing change never takes the
 * others down with it.
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
    private final SeatAllocation seats;
    // One small lane per session ever changed since startup: thousands at most, so never pruned.
    private final Map<Long, Lane> lanes = new ConcurrentHashMap<>();
    private final LongAdder batches = new LongAdder();
    private final LongAdder changes = new LongAdder();

    SeatChangeQueue(PlatformTransactionManager transactionManager, SeatAllocation seats) {
        this.transactions = new TransactionTemplate(transactionManager);
        this.seats = seats;
    }

    private static final class Lane {
        final long sessionId;
        final ReentrantLock turn = new ReentrantLock();
        final Queue<Change> waiting = new ConcurrentLinkedQueue<>();

        Lane(long sessionId) {
            this.sessionId = sessionId;
        }
    }

    private static final class Change {
        final SeatRequest request;
        final Thread caller;
        volatile boolean done;
        SeatAllocation.Decision decision;
        RuntimeException failure;

        Change(SeatRequest request, Thread caller) {
            this.request = request;
            this.caller = caller;
        }

        void decided(SeatAllocation.Decision result) {
            decision = result;
            done = true;
            LockSupport.unpark(caller);
        }

        void fail(RuntimeException e) {
            failure = e;
            done = true;
            LockSupport.unpark(caller);
        }

        <T> T result() {
            if (failure != null) {
                throw failure;
            }
            return decision.get();
        }
    }

    /**
     * Decides a seat change for a session and returns its result (or throws its refusal) once committed.
     * Another caller's thread may run it: nothing in it may rely on the caller's (security context).
     */
    public <T> T run(long sessionId, SeatRequest request) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            return seats.decide(sessionId, List.of(request)).getFirst().get();
        }
        Lane lane = lanes.computeIfAbsent(sessionId, Lane::new);
        Change change = new Change(request, Thread.currentThread());
        lane.waiting.add(change);
        while (!change.done) {
            if (lane.turn.tryLock()) {
                try {
                    while (!change.done) {
                        List<Change> batch = new ArrayList<>();
                        for (Change next; batch.size() < MAX_BATCH && (next = lane.waiting.poll()) != null; ) {
                            batch.add(next);
                        }
                        runBatch(lane.sessionId, batch);
                    }
                } finally {
                    lane.turn.unlock();
                }
                // A caller that found the turn taken is asleep: wake the first in line to take over. (Its
                // change was queued before its failed try, so before this look; none is left behind.)
                Change next = lane.waiting.peek();
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

    private void runBatch(long sessionId, List<Change> batch) {
        batches.increment();
        changes.add(batch.size());
        try {
            runAll(sessionId, batch);
        } finally {
            // An Error (out of memory, say) must not leave a waiting caller spinning on a change nobody runs.
            for (Change change : batch) {
                if (!change.done) {
                    change.fail(new IllegalStateException("Seat change was not run"));
                }
            }
        }
    }

    private void runAll(long sessionId, List<Change> batch) {
        try {
            List<SeatRequest> requests = batch.stream().map(change -> change.request).toList();
            List<SeatAllocation.Decision> decisions = transactions.execute(status ->
                    DeferredWrites.collect(() -> seats.decide(sessionId, requests)));
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).decided(decisions.get(i));
            }
        } catch (RuntimeException batchFailed) {
            if (batch.size() == 1) {
                batch.getFirst().fail(batchFailed);
                return;
            }
            for (Change change : batch) {
                try {
                    change.decided(transactions.execute(status ->
                            DeferredWrites.collect(() -> seats.decide(sessionId, List.of(change.request)).getFirst())));
                } catch (RuntimeException failed) {
                    change.fail(failed);
                }
            }
        }
    }
}
