package nl.omzien.training.internal;

import nl.omzien.training.content.ModuleSource;
import nl.omzien.training.content.TrainingModule;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import static nl.omzien.training.internal.db.Tables.MODULE_FILE;
import static nl.omzien.training.internal.db.Tables.MODULE_VERSION;

@Repository
class JooqModuleVersionRepository {

    private final DSLContext db;

    JooqModuleVersionRepository(DSLContext db) {
        this.db = db;
    }

    /** Stores the files of a version; same version with new content replaces them (see decision 004). */
    void store(TrainingModule module, ModuleSource source) {
        var stored = db.select(MODULE_VERSION.CONTENT_HASH).from(MODULE_VERSION)
                .where(MODULE_VERSION.MODULE_ID.eq(module.id()), MODULE_VERSION.VERSION.eq(module.version()))
                .fetchOptional(MODULE_VERSION.CONTENT_HASH);
        if (stored.filter(module.contentHash()::equals).isPresent()) {
            return;
        }
        db.insertInto(MODULE_VERSION)
                .set(MODULE_VERSION.MODULE_ID, module.id())
                .set(MODULE_VERSION.VERSION, module.version())
                .set(MODULE_VERSION.CONTENT_HASH, module.contentHash())
                .set(MODULE_VERSION.TITLE_NL, module.title().nl())
                .set(MODULE_VERSION.TITLE_EN, module.title().en())
                .onConflict(MODULE_VERSION.MODULE_ID, MODULE_VERSION.VERSION).doUpdate()
                .set(MODULE_VERSION.CONTENT_HASH, module.contentHash())
                .set(MODULE_VERSION.TITLE_NL, module.title().nl())
                .set(MODULE_VERSION.TITLE_EN, module.title().en())
                .execute();
        db.deleteFrom(MODULE_FILE).where(MODULE_FILE.MODULE_ID.eq(module.id()), MODULE_FILE.VERSION.eq(module.version())).execute();
        var insert = db.insertInto(MODULE_FILE, MODULE_FILE.MODULE_ID, MODULE_FILE.VERSION, MODULE_FILE.PATH, MODULE_FILE.CONTENT);
        for (var file : source.files().entrySet()) {
            insert = insert.values(module.id(), module.version(), file.getKey(), file.getValue());
        }
        insert.execute();
    }

    Optional<ModuleSource> load(String moduleId, int version, Set<String> assets) {
        var files = db.select(MODULE_FILE.PATH, MODULE_FILE.CONTENT).from(MODULE_FILE)
                .where(MODULE_FILE.MODULE_ID.eq(moduleId), MODULE_FILE.VERSION.eq(version))
                .fetchMap(MODULE_FILE.PATH, MODULE_FILE.CONTENT);
        return files.isEmpty() ? Optional.empty() : Optional.of(new ModuleSource(moduleId, new TreeMap<>(files), assets));
    }
}
