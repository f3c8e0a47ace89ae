package nl.omzien.test;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/**
 * Base for tests against the whole application on a real (embedded) PostgreSQL with demo data.
 * Every subclass shares the same properties, so Spring caches one context and one database per run.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "omzien.embedded-db.data-dir=${java.io.tmpdir}/omzien-test-${random.uuid}/postgres",
        "omzien.embedded-db.clean=true",
        "omzien.demo-data=true",
        "vaadin.devmode.devTools.enabled=false",
        "logging.level.com.vaadin=warn"})
public abstract class IntegrationTest {

    public static final String DEMO_PASSWORD = "omzien-demo";
    public static final String ADMIN = "admin@omzien.example";
    public static final String LEAD_COEVORDEN = "coalitie@coevorden.example";
    public static final String LEAD_TWENTERAND = "coalitie@twenterand.example";
    public static final String TRAINER = "trainer@omzien.example";
    public static final String ORG_CONTACT = "contact@thuiszorg-zod.example";
    public static final String PARTICIPANT = "deelnemer@omzien.example";

    @Autowired
    private ObjectProvider<SecurityContextHolderStrategy> securityContextStrategy;

    /**
     * The holder strategy is static: another Spring context started in this JVM (restart test, SMTP tests)
     * replaced it with its own, and this context's method security would not see who is signed in.
     */
    @BeforeEach
    void useThisContextsSecurityHolder() {
        securityContextStrategy.ifAvailable(SecurityContextHolder::setContextHolderStrategy);
    }
}
