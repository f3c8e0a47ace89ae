package nl.omzien.training;

import nl.omzien.training.content.ModuleSource;
import nl.omzien.training.content.TrainingModule;

import java.util.List;
import java.util.Optional;

/**
 * The training modules: the current version of each (from modules/) and every earlier version
 * someone may still be working through (kept in the database).
 */
public interface ModuleCatalog {

    List<TrainingModule> current();

    Optional<TrainingModule> current(String moduleId);

    /** A specific version; earlier versions come from the stored snapshot of their files. */
    TrainingModule version(String moduleId, int version);

    /** A file from the current version's {@code assets/} folder (lesson images); empty when it has no such file. */
    Optional<byte[]> asset(String moduleId, String file);

    /** The raw files of the current version, e.g. for a preview or export. */
    ModuleSource source(String moduleId);
}
