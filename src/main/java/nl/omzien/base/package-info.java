/**
 * Shared infrastructure every feature may use (database, time, translations, UI building blocks).
 * Open so features can use its {@code ui} sub-package; base itself depends on no feature.
 */
@ApplicationModule(type = ApplicationModule.Type.OPEN)
package nl.omzien.base;

import org.springframework.modulith.ApplicationModule;
