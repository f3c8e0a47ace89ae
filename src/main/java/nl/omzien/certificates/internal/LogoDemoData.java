package nl.omzien.certificates.internal;

import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.io.IOException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Map;

import static nl.omzien.people.published.Tables.V_MUNICIPALITY;
import static nl.omzien.certificates.internal.db.Tables.MUNICIPALITY_LOGO;

/**
 * Made-up SVG logos for the two demo municipalities, put through the same checks and drawing as an
 * upload. Runs after the people demo data and before the training history, so the demo certificates
 * show a logo; only while no municipality has one.
 */
@Component
@Order(5)
@ConditionalOnBooleanProperty(name = "omzien.demo-data", matchIfMissing = true)
class LogoDemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(LogoDemoData.class);
    private static final Map<String, String> LOGOS = Map.of(
            "Coevorden", "certificates/demo-logo-coevorden.svg",
            "Twenterand", "certificates/demo-logo-twenterand.svg");

    private final DSLContext db;
    private final JooqLogoRepository logos;
    private final LogoCache cache;
    private final Clock clock;

    LogoDemoData(DSLContext db, JooqLogoRepository logos, LogoCache cache, Clock clock) {
        this.db = db;
        this.logos = logos;
        this.cache = cache;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) throws IOException {
        if (db.fetchExists(MUNICIPALITY_LOGO)) {
            return;
        }
        for (var entry : LOGOS.entrySet()) {
            Long id = db.select(V_MUNICIPALITY.ID).from(V_MUNICIPALITY).where(V_MUNICIPALITY.NAME.eq(entry.getKey())).fetchOne(V_MUNICIPALITY.ID);
            if (id != null) {
                log.info("Demo data: logo for {}", entry.getKey());
                byte[] svg = new ClassPathResource(entry.getValue()).getContentAsByteArray();
                logos.save(id, LogoImages.normalise(svg), null, OffsetDateTime.now(clock));
                cache.invalidate(id);
            }
        }
    }
}
