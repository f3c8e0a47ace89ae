package nl.omzien.certificates.ui;

import nl.omzien.certificates.internal.StoredCertificateStatus;
import nl.omzien.test.BrowserTest;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.stream.Collectors;

import static nl.omzien.certificates.internal.db.Tables.CERTIFICATE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 17: the anonymous PDF check on /verify read any upload whole into memory (1.2 GB took the heap from
 * 2.2 to 5.9 GB). The upload is sent here as Vaadin's client sends it, a raw body to the upload's own
 * address with the page's session, only far larger than a certificate, with and without a declared length.
 */
class OversizedUploadTest extends BrowserTest {

    private static final long UPLOAD_BYTES = 400L * 1024 * 1024;

    @Autowired
    DSLContext db;

    @Test
    void anOversizedRawPdfUploadIsRefusedWithoutFillingTheHeap() throws Exception {
        String code = db.select(CERTIFICATE.CODE).from(CERTIFICATE).where(CERTIFICATE.STATUS.ne(StoredCertificateStatus.REVOKED))
                .limit(1).fetchOne(CERTIFICATE.CODE);
        go("verify/" + code);
        String target = page.locator("vaadin-upload#verify-pdf").getAttribute("target");
        assertThat(target).as("the upload's address on the page").isNotBlank();
        URI upload = URI.create(url("")).resolve(target);
        String cookies = page.context().cookies().stream().map(c -> c.name + "=" + c.value)
                .collect(Collectors.joining("; "));
        HttpClient client = HttpClient.newHttpClient();

        for (boolean declared : new boolean[] {true, false}) {
            System.gc();
            List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                    .filter(pool -> pool.getType() == MemoryType.HEAP).toList();
            heap.forEach(MemoryPoolMXBean::resetPeakUsage);
            long before = heap.stream().mapToLong(pool -> pool.getUsage().getUsed()).sum();

            HttpRequest.BodyPublisher body = declared
                    ? HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(() -> zeros(UPLOAD_BYTES)), UPLOAD_BYTES)
                    : HttpRequest.BodyPublishers.ofInputStream(() -> zeros(UPLOAD_BYTES));
            Integer status;
            try {
                status = client.send(HttpRequest.newBuilder(upload).header("Content-Type", "application/pdf")
                        .header("X-Filename", "groot.pdf").header("Cookie", cookies).POST(body).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode();
            } catch (IOException refusedMidway) {
                // The server may close the connection once it has refused, before the client finished sending.
                status = null;
            }
            long peak = heap.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
            assertThat(status).as("declared length %s: refused, not accepted", declared).isNotEqualTo(200);
            if (status != null) {
                assertThat(status).as("Vaadin answers a rejected upload with 422").isEqualTo(422);
            }
            assertThat(peak - before).as("heap growth while %d MB were sent (declared length %s)", UPLOAD_BYTES >> 20, declared)
                    .isLessThan(UPLOAD_BYTES / 4);
        }
    }

    /** A stream of zeros that is never held in memory. */
    private static InputStream zeros(long size) {
        return new InputStream() {
            private long left = size;

            @Override
            public int read() {
                if (left <= 0) {
                    return -1;
                }
                left--;
                return 0;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) {
                if (left <= 0) {
                    return -1;
                }
                int n = (int) Math.min(length, left);
                java.util.Arrays.fill(buffer, offset, offset + n, (byte) 0);
                left -= n;
                return n;
            }
        };
    }

}
