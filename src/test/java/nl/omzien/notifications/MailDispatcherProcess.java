package nl.omzien.notifications;

import nl.omzien.notifications.internal.JooqMailOutboxRepository;
import nl.omzien.notifications.internal.MailDispatcher;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.jooq.autoconfigure.JooqAutoConfiguration;
import org.springframework.boot.mail.autoconfigure.MailSenderAutoConfiguration;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import java.time.Clock;

/**
 * A second Omzien process that only delivers mail: the real dispatcher and outbox repository on the real
 * database and SMTP server given as arguments ({@code --spring.datasource.url=...}, {@code --spring.mail.host=...}),
 * so a test can kill it hard in the middle of a batch. It delivers until nothing is due, then exits.
 * <p>
 * Deliberately not a {@code @Configuration} or {@code @SpringBootConfiguration}: the application's component
 * scan and the test's configuration search must never pick it up.
 */
// Only what delivery needs, listed: the application's full auto-configuration (Vaadin, security) wants a web server.
@ImportAutoConfiguration({PropertyPlaceholderAutoConfiguration.class, DataSourceAutoConfiguration.class,
        DataSourceTransactionManagerAutoConfiguration.class, TransactionAutoConfiguration.class, JooqAutoConfiguration.class,
        MailSenderAutoConfiguration.class})
@Import({MailDispatcher.class, JooqMailOutboxRepository.class})
public class MailDispatcherProcess {

    @Bean
    static Clock clock() {
        return Clock.systemUTC();
    }

    /** The dispatcher counts what it sends; this process has no metrics endpoint, so a plain registry will do. */
    @Bean
    static io.micrometer.core.instrument.MeterRegistry meters() {
        return new io.micrometer.core.instrument.simple.SimpleMeterRegistry();
    }

    public static void main(String[] args) {
        try (var context = new SpringApplicationBuilder(MailDispatcherProcess.class)
                .web(WebApplicationType.NONE).run(args)) {
            MailDispatcher dispatcher = context.getBean(MailDispatcher.class);
            System.out.println("DISPATCHING");
            int tried;
            do {
                tried = dispatcher.dispatchDue();
                System.out.println("TRIED " + tried);
            } while (tried > 0);
        }
    }
}
