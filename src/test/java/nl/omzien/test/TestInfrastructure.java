package nl.omzien.test;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * What {@link IntegrationTest}'s context adds to the application: the movable {@link TestClock} in place
 * of the system clock, and the application's pool wrapped in {@link ClassDatabases}.
 */
@TestConfiguration(proxyBeanMethods = false)
class TestInfrastructure {

    @Bean
    @Primary
    TestClock testClock() {
        return new TestClock();
    }

    @Bean
    static BeanPostProcessor classDatabases(ObjectProvider<EmbeddedPostgres> postgres) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (bean instanceof HikariDataSource pool && "dataSource".equals(name) && postgres.getIfAvailable() != null) {
                    return new ClassDatabases(pool, postgres::getObject);
                }
                return bean;
            }
        };
    }
}
