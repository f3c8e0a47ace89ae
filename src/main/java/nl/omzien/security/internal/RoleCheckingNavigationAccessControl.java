package nl.omzien.security.internal;

import com.vaadin.flow.server.HandlerHelper;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.auth.AccessCheckDecisionResolver;
import com.vaadin.flow.server.auth.NavigationAccessChecker;
import com.vaadin.flow.spring.security.SpringNavigationAccessControl;
import com.vaadin.flow.spring.security.VaadinRolePrefixHolder;

import java.util.Collection;
import java.util.function.Predicate;

/**
 * Vaadin's navigation check with the role prefix holder given once instead of looked up at every check.
 *
 * <p>Vaadin 25.2 finds the holder through its {@code Lookup}, which for this type also runs a {@code ServiceLoader}
 * over every jar on the class path each time: once per navigation and once per menu entry when the menu is built,
 * 8% of the app's CPU per request at 500 users (issue 23, bench/README.md, stop 24). The check itself is Vaadin's:
 * the request's roles with the prefix Spring Security uses. Push requests keep Vaadin's own path.
 */
public class RoleCheckingNavigationAccessControl extends SpringNavigationAccessControl {

    private final VaadinRolePrefixHolder rolePrefix;

    public RoleCheckingNavigationAccessControl(Collection<NavigationAccessChecker> checkers,
                                               AccessCheckDecisionResolver decisionResolver,
                                               VaadinRolePrefixHolder rolePrefix) {
        super(checkers, decisionResolver);
        this.rolePrefix = rolePrefix;
    }

    @Override
    protected Predicate<String> getRolesChecker(VaadinRequest request) {
        if (request == null || HandlerHelper.isRequestType(request, HandlerHelper.RequestType.PUSH)) {
            return super.getRolesChecker(request);
        }
        if (!rolePrefix.isSet()) {
            rolePrefix.resetRolePrefix(request);
        }
        return request::isUserInRole;
    }
}
