package nl.omzien.certificates;

import nl.omzien.training.content.Text;

import java.time.Period;
import java.util.List;
import java.util.Optional;

/**
 * What someone must do to earn a certificate, read from {@code modules/learning-paths.yaml}: modules passed
 * online, group sessions attended, or both. A path with sessions and no module is "attendance-only" (group
 * training that counts, issue 20).
 *
 * @param sessions  group sessions to attend, each at a different session; empty means none
 * @param validity  how long a certificate stays valid; empty means it never expires
 * @param refresher the modules that renew an expiring certificate; empty means the full path again
 */
public record LearningPath(String id, Text title, List<RequiredModule> modules, List<RequiredSession> sessions,
                           Optional<Period> validity, List<RequiredModule> refresher) {

    public LearningPath {
        modules = List.copyOf(modules);
        sessions = List.copyOf(sessions);
        refresher = List.copyOf(refresher);
    }

    /** A module that must be passed, in at least this version. */
    public record RequiredModule(String moduleId, int minimumVersion) {
    }

    /**
     * A group session that must be attended: one whose topics include every module in {@code covers}
     * (empty: any session counts).
     */
    public record RequiredSession(List<String> covers) {

        public RequiredSession {
            covers = List.copyOf(covers);
        }

        /** Whether a session on these topics is of this kind. */
        public boolean matches(List<String> sessionModuleIds) {
            return sessionModuleIds.containsAll(covers);
        }
    }

    /** Whether attending at least one group session is part of the path. */
    public boolean attendanceRequired() {
        return !sessions.isEmpty();
    }

    /** Whether the path is earned by attendance alone, without any module online. */
    public boolean attendanceOnly() {
        return modules.isEmpty() && !sessions.isEmpty();
    }

    /** The modules that count when renewing: the refresher if there is one, else the whole path. */
    public List<RequiredModule> renewalModules() {
        return refresher.isEmpty() ? modules : refresher;
    }
}
