package nl.omzien;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** Features only use each other's public API (top-level package), never their internals. */
class ModularityTests {

    @Test
    void featuresRespectEachOthersBoundaries() {
        ApplicationModules.of(Application.class).verify();
    }
}
