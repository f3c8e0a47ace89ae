package nl.omzien.sessions;

import nl.omzien.sessions.internal.JooqRegistrationRepository.AuditEntry;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Replays a session's audit trail (in commit order, which the session row lock makes total) and checks
 * the promises at every step: never more seats held than the capacity, a newcomer gets a seat only when
 * nobody waits, and every offer goes to the first in line. Used by the tests and the benchmark.
 */
public final class FifoReplay {

    public record Result(int steps, int maxSeatsHeld, int offers, int directSeats) {
    }

    private FifoReplay() {
    }

    public static Result check(List<AuditEntry> trail, int capacity) {
        Set<RegistrationId> holding = new HashSet<>();
        TreeMap<Long, RegistrationId> waiting = new TreeMap<>(); // arrival -> registration
        Map<RegistrationId, Long> arrivalOf = new HashMap<>();
        int max = 0;
        int offers = 0;
        int direct = 0;
        int step = 0;
        for (AuditEntry entry : trail) {
            step++;
            RegistrationId registration = entry.registrationId();
            switch (entry.action()) {
                case "SIGNED_UP_CONFIRMED", "MOVED_IN_CONFIRMED" -> {
                    require(waiting.isEmpty(), step, "seat given to arrival " + entry.arrival() + " while "
                            + waiting.size() + " wait, first " + (waiting.isEmpty() ? null : waiting.firstKey()));
                    holding.add(registration);
                    direct++;
                }
                case "SIGNED_UP_WAITLISTED", "MOVED_IN_WAITLISTED" -> {
                    waiting.put(entry.arrival(), registration);
                    arrivalOf.put(registration, entry.arrival());
                }
                case "OFFERED" -> {
                    require(!waiting.isEmpty() && waiting.firstKey().equals(entry.arrival()), step,
                            "offer to arrival " + entry.arrival() + " but first in line is "
                                    + (waiting.isEmpty() ? null : waiting.firstKey()));
                    waiting.pollFirstEntry();
                    holding.add(registration);
                    offers++;
                }
                case "OFFER_ACCEPTED" -> require(holding.contains(registration), step, "accepted an offer not held");
                case "OFFER_EXPIRED", "CANCELLED", "MOVED_AWAY" -> {
                    if (!holding.remove(registration)) {
                        Long arrival = arrivalOf.get(registration);
                        if (arrival != null) {
                            waiting.remove(arrival);
                        }
                    }
                }
                default -> {
                    // Attendance and session changes do not move seats.
                }
            }
            require(holding.size() <= capacity, step, holding.size() + " seats held, capacity " + capacity);
            max = Math.max(max, holding.size());
        }
        return new Result(step, max, offers, direct);
    }

    private static void require(boolean condition, int step, String message) {
        if (!condition) {
            throw new AssertionError("Audit step " + step + ": " + message);
        }
    }
}
