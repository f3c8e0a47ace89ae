package nl.omzien.certificates;

import java.util.List;
import java.util.Optional;

/** The learning paths from {@code modules/learning-paths.yaml}, validated at startup. */
public interface LearningPaths {

    List<LearningPath> all();

    Optional<LearningPath> find(String pathId);
}
