package nl.omzien.test;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;

import javax.sql.DataSource;
import java.lang.reflect.Field;
import java.util.List;
import java.util.Map;

/**
 * Before each {@link IntegrationTest} class: a fresh copy of the seeded database ({@link ClassDatabases}),
 * the clock back at the real time, and the application's in-memory mirrors of database rows emptied, so
 * they cannot hand a class what an earlier class wrote.
 */
public final class ClassIsolation implements BeforeAllCallback {

    /**
     * Maps in application beans that hold what rows said (keyed by ids or versions that a copy of the
     * template reuses) or count what earlier classes did. SessionCalendar's invitation cache is keyed by
     * the whole content of the invitation, so a stale entry cannot be wrong; SeatChangeQueue's lanes are
     * threads, not data. A cache added to the application that mirrors rows belongs here.
     */
    private static final Map<String, List<String>> MIRRORS = Map.of(
            "nl.omzien.certificates.internal.LogoCache", List.of("prepared"),
            "nl.omzien.training.internal.FileModuleCatalog", List.of("earlierVersions"));

    @Override
    public void beforeAll(ExtensionContext extension) throws Exception {
        ApplicationContext context = SpringExtension.getApplicationContext(extension);
        if (context.getBean(DataSource.class) instanceof ClassDatabases databases) {
            databases.freshCopy();
        }
        context.getBean(TestClock.class).reset();
        for (var mirror : MIRRORS.entrySet()) {
            Class<?> type = Class.forName(mirror.getKey());
            Object bean = context.getBean(type);
            for (String fieldName : mirror.getValue()) {
                Field field = type.getDeclaredField(fieldName);
                field.setAccessible(true);
                ((Map<?, ?>) field.get(bean)).clear();
            }
        }
    }
}
