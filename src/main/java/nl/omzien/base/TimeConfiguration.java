package nl.omzien.base;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.time.ZoneId;

/** One clock for all logic, so tests can move time. Omzien's users live in the Netherlands. */
@Configuration(proxyBeanMethods = false)
class TimeConfiguration {

    public static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

    @Bean
    Clock clock() {
        return Clock.system(AMSTERDAM);
    }
}
