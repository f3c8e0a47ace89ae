package nl.omzien.training.internal;

import nl.omzien.training.content.ModuleSource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Reads module folders from a directory (development) or from the classpath (the packaged app). */
final class ModuleFiles {

    private ModuleFiles() {
    }

    static List<ModuleSource> fromDirectory(Path root) {
        try (Stream<Path> folders = Files.list(root)) {
            List<ModuleSource> sources = new ArrayList<>();
            for (Path folder : folders.filter(Files::isDirectory).sorted().toList()) {
                TreeMap<String, String> files = new TreeMap<>();
                Set<String> assets = new HashSet<>();
                try (Stream<Path> all = Files.walk(folder)) {
                    for (Path file : all.filter(Files::isRegularFile).toList()) {
                        add(folder.relativize(file).toString().replace('\\', '/'), () -> Files.readString(file), files, assets);
                    }
                }
                sources.add(new ModuleSource(folder.getFileName().toString(), files, assets));
            }
            return sources;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read training modules from " + root.toAbsolutePath(), e);
        }
    }

    static List<ModuleSource> fromClasspath() {
        try {
            Map<String, TreeMap<String, String>> files = new TreeMap<>();
            Map<String, Set<String>> assets = new TreeMap<>();
            for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath*:modules/*/**")) {
                if (!resource.isReadable()) {
                    continue;
                }
                String url = resource.getURL().toString();
                String relative = url.substring(url.lastIndexOf("/modules/") + "/modules/".length());
                int slash = relative.indexOf('/');
                if (slash < 0 || relative.endsWith("/")) {
                    continue;
                }
                String folder = relative.substring(0, slash);
                add(relative.substring(slash + 1), () -> resource.getContentAsString(StandardCharsets.UTF_8),
                        files.computeIfAbsent(folder, f -> new TreeMap<>()), assets.computeIfAbsent(folder, f -> new HashSet<>()));
            }
            return files.entrySet().stream()
                    .map(e -> new ModuleSource(e.getKey(), e.getValue(), assets.getOrDefault(e.getKey(), Set.of()))).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read training modules from the classpath", e);
        }
    }

    interface Content {
        String read() throws IOException;
    }

    private static void add(String relative, Content content, Map<String, String> files, Set<String> assets) throws IOException {
        if (relative.startsWith("assets/")) {
            assets.add(relative.substring("assets/".length()));
        } else if (relative.endsWith(".yaml") || relative.endsWith(".yml")) {
            files.put(relative, content.read());
        }
    }
}
