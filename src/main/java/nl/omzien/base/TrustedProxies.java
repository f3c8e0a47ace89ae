package nl.omzien.base;

import org.apache.catalina.valves.RemoteIpValve;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;

import java.util.Arrays;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Forwarded headers ({@code X-Forwarded-For}, {@code X-Forwarded-Proto}) are believed only from the proxies
 * the operator names in {@code OMZIEN_TRUSTED_PROXIES} (comma-separated IP addresses), none by default.
 * Tomcat's own default trusts every private and loopback address, so anyone on the same network, or a
 * request from the machine itself, could rotate the header and slip past every per-address throttle.
 * Runs after Spring Boot's customizer, which adds the valve when {@code server.forward-headers-strategy=native}.
 */
@Component
class TrustedProxies implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

    /** A pattern that matches no address. */
    static final String NOBODY = "(?!)";

    private final String internalProxies;

    TrustedProxies(@Value("${omzien.trusted-proxies:}") String addresses) {
        this.internalProxies = pattern(addresses);
    }

    static String pattern(String addresses) {
        String alternatives = Arrays.stream(addresses.split(","))
                .map(String::strip).filter(a -> !a.isEmpty())
                .map(Pattern::quote).collect(Collectors.joining("|"));
        return alternatives.isEmpty() ? NOBODY : alternatives;
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.getEngineValves().stream().filter(RemoteIpValve.class::isInstance).map(RemoteIpValve.class::cast)
                .forEach(valve -> {
                    valve.setInternalProxies(internalProxies);
                    valve.setTrustedProxies(NOBODY);
                });
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
