package nl.omzien;

import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Views are plain objects, not Spring proxies (decision 021), so Vaadin reuses the open view when its own
 * route is opened again (a click on the current menu item, a view navigating to itself after an action).
 * Every view therefore reads its data when it is entered, not only in its constructor: it implements
 * {@link BeforeEnterObserver}, {@link AfterNavigationObserver} or {@link HasUrlParameter}. Views whose
 * content does not come from stored data are listed here with the reason.
 */
class ViewsShowFreshDataOnEveryVisitTest {

    /** Fixed text: nothing stored to go stale. */
    private static final Set<String> WITHOUT_STORED_DATA = Set.of("nl.omzien.onboarding.ui.PrivacyView");

    @Test
    void everyViewReadsItsDataWhenEntered() throws ClassNotFoundException {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Route.class));
        var views = scanner.findCandidateComponents("nl.omzien");
        assertThat(views).hasSizeGreaterThan(40);
        for (var definition : views) {
            Class<?> view = Class.forName(definition.getBeanClassName());
            if (WITHOUT_STORED_DATA.contains(view.getName())) {
                continue;
            }
            assertThat(BeforeEnterObserver.class.isAssignableFrom(view)
                    || AfterNavigationObserver.class.isAssignableFrom(view)
                    || HasUrlParameter.class.isAssignableFrom(view))
                    .as("%s reads its data in beforeEnter, afterNavigation or setParameter", view.getSimpleName())
                    .isTrue();
        }
    }
}
