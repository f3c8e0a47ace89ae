package nl.omzien.training.internal;

import nl.omzien.training.content.ModuleParser;
import nl.omzien.training.content.TrainingModule;

import java.nio.file.Path;

/** The modules in modules/, read the way the app reads them, for tests of other features (the trainer kit). */
public final class ShippedModules {

    private ShippedModules() {
    }

    public static TrainingModule module(String id) {
        return ModuleParser.parse(ModuleFiles.fromDirectory(Path.of("modules")).stream()
                .filter(s -> s.folder().equals(id)).findFirst().orElseThrow());
    }
}
