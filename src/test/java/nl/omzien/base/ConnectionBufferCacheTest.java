package nl.omzien.base;

import nl.omzien.test.IntegrationTest;
import org.apache.catalina.connector.Connector;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/** The running server keeps the buffers of at most 50 closed connections (Tomcat's default grows with the heap). */
class ConnectionBufferCacheTest extends IntegrationTest {

    @Autowired
    WebServerApplicationContext context;

    @Test
    void theServerCachesTheBuffersOfFiftyClosedConnectionsAtMost() {
        Connector connector = ((TomcatWebServer) context.getWebServer()).getTomcat().getConnector();
        // Read back from the endpoint's socket settings, where Tomcat itself looks (its default is -2: sized by the heap).
        assertThat(connector.getProperty("socket.bufferPool")).isEqualTo(String.valueOf(ConnectionBufferCache.CACHED_CONNECTIONS));
    }
}
