package nl.omzien.base;

import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * Tomcat keeps each closed connection's buffers for the next one, by default up to 1/32 of the heap: about 16 KB
 * (a read and a write buffer) for every connection ever open at the same time, held after the peak. With browsers
 * that each hold a connection, that grew with the number of people signed in (~12 KiB of the ~125 KiB per user in
 * {@code bench/load.sh MODE=memory}, stop 23). A new connection only costs those two allocations, so a small cache
 * is enough.
 */
@Component
class ConnectionBufferCache implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    /** Closed connections whose buffers Tomcat keeps for reuse. */
    static final int CACHED_CONNECTIONS = 50;

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addConnectorCustomizers(connector -> connector.setProperty("socket.bufferPool", String.valueOf(CACHED_CONNECTIONS)));
    }
}
