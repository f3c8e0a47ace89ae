package nl.omzien.training.content;

import java.util.Map;
import java.util.Set;
import java.util.SortedMap;

/**
 * The raw files of one module folder: YAML files by path relative to the folder
 * ({@code module.yaml}, {@code steps/010-x.yaml}) and the names of files in {@code assets/}.
 */
public record ModuleSource(String folder, SortedMap<String, String> files, Set<String> assets) {

    public String displayPath(String relative) {
        return "modules/" + folder + "/" + relative;
    }

    public Map<String, String> stepFiles() {
        return files.tailMap("steps/").headMap("steps0");
    }
}
