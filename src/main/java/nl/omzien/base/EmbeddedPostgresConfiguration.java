package nl.omzien.base;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Starts a real PostgreSQL (binaries from a Maven artifact) when no external database is configured,
 * so a newcomer runs Omzien with one command. Data stays in {@code omzien.embedded-db.data-dir}
 * between runs. Setting {@code SPRING_DATASOURCE_URL} switches this off.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
class EmbeddedPostgresConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(@Value("${omzien.embedded-db.data-dir}") Path dataDir,
                                      @Value("${omzien.embedded-db.port:0}") int port,
                                      @Value("${omzien.embedded-db.clean:false}") boolean clean,
                                      @Value("${omzien.embedded-db.durable:true}") boolean durable) throws IOException {
        Files.createDirectories(dataDir);
        log.info("Starting embedded PostgreSQL with data in {}", dataDir.toAbsolutePath());
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(clean)
                .setServerConfig("timezone", "UTC")
                // Look for tables to vacuum every 15 s instead of every minute: a session being booked
                // churns its registrations (V15); the setting only decides how soon vacuum looks.
                .setServerConfig("autovacuum_naptime", "15s");
        if (durable) {
            // The library starts PostgreSQL for throwaway test databases: fsync off (-F) and asynchronous
            // commits. Data that must survive a power cut needs both back on; only tests turn this off.
            builder.setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on");
        }
        if (port > 0) {
            builder.setPort(port);
        }
        return builder.start();
    }

    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(EmbeddedPostgres postgres) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        dataSource.setUsername("postgres");
        dataSource.setPassword("postgres");
        dataSource.setMaximumPoolSize(16);
        dataSource.setPoolName("omzien-embedded");
        return dataSource;
    }
}
