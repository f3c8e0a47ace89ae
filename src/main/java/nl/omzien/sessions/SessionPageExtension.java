package nl.omzien.sessions;

import com.vaadin.flow.component.Component;

import java.util.Optional;

/**
 * Lets another feature add an action to a session's trainer page (certificates adds "download all
 * certificates"), so sessions need not know that feature and the modules stay free of cycles.
 * Implementations are Spring beans; they check permissions in their own service.
 */
public interface SessionPageExtension {

    /** The component to show among the session's actions, or empty (e.g. not allowed, nothing to offer). */
    Optional<Component> actionFor(TrainingSession session);
}
