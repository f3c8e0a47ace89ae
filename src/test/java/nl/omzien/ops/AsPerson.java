package nl.omzien.ops;

import org.springframework.context.ApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;

import java.util.concurrent.Callable;

/**
 * Runs work signed in as someone in one particular app instance. Each context has its own security
 * context holder strategy, so with two instances in one JVM the global holder would be the wrong one.
 */
public final class AsPerson {

    private AsPerson() {
    }

    /** Points the static holder at this instance's strategy, for HTTP requests it is about to serve. */
    public static void serving(ApplicationContext instance) {
        instance.getBeanProvider(SecurityContextHolderStrategy.class).ifAvailable(SecurityContextHolder::setContextHolderStrategy);
    }

    public static <T> T as(ApplicationContext instance, String email, Callable<T> work) {
        UserDetails user = instance.getBean(UserDetailsService.class).loadUserByUsername(email);
        SecurityContextHolderStrategy holder = instance.getBeanProvider(SecurityContextHolderStrategy.class)
                .getIfAvailable(SecurityContextHolder::getContextHolderStrategy);
        var context = holder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        // Method security reads the context's own holder, code such as CurrentUser the static one (the strategy
        // of whichever context set it last): in production both are one object, here both are filled.
        SecurityContextHolderStrategy global = SecurityContextHolder.getContextHolderStrategy();
        holder.setContext(context);
        global.setContext(context);
        try {
            return work.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            holder.clearContext();
            global.clearContext();
        }
    }
}
