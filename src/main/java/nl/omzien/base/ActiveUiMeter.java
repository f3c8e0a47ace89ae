package nl.omzien.base;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code omzien_ui_active}: Vaadin UIs held in memory (one per open browser tab, kept until its session ends or
 * Vaadin's heartbeat notices the tab is gone). Memory grows with it; see README "What to alert on".
 */
@Component
class ActiveUiMeter implements VaadinServiceInitListener {

    private final AtomicInteger active = new AtomicInteger();

    ActiveUiMeter(MeterRegistry registry) {
        Gauge.builder("omzien.ui.active", active, AtomicInteger::get)
                .description("Vaadin UIs held in memory (open browser tabs)").register(registry);
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(init -> {
            active.incrementAndGet();
            init.getUI().addDetachListener(detach -> active.decrementAndGet());
        });
    }
}
