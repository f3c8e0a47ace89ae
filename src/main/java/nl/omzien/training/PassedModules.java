package nl.omzien.training;

import nl.omzien.base.PersonId;
import nl.omzien.training.internal.JooqPassedModules;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;

/**
 * Which modules a person has passed, for features that act on completions (certificates) from
 * event listeners without a signed-in user. Views must not call it; they use {@link TrainingService}.
 */
@Service
public class PassedModules {

    private final JooqPassedModules passes;

    PassedModules(JooqPassedModules passes) {
        this.passes = passes;
    }

    /** Every passed attempt of the person, newest first; sees the caller's own uncommitted completion. */
    @Transactional(readOnly = true)
    public List<ModulePass> of(PersonId userId) {
        return passes.of(userId);
    }
}
