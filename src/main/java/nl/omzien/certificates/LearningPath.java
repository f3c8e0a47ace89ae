package nl.omzien.certificates;

import nl.omzien.training.content.Text;

import java.time.Period;
import java.util.List;
import java.util.Optional;

/**
 * What someone must do to earn a certificate, read from {@code modules/learning-paths.yaml}.
 *
 * @param validity  how long a certificate stays valid; empty means it never expires
 * @param refresher the modules that renew an expiring certificate; empty means the full path again
 */
public record LearningPath(String id, Text title, List<RequiredModule> modules, boolean attendanceRequired,
                           Optional<Period> validity, List<RequiredModule> refresher) {

    /** A module that must be passed, in at least this version. */
    public record RequiredModule(String moduleId, int minimumVersion) {
    }

    /** The modules that count when renewing: the refresher if there is one, else the whole path. */
    public List<RequiredModule> renewalModules() {
        return refresher.isEmpty() ? modules : refresher;
    }
}
