package nl.omzien.base.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.function.SerializableBiConsumer;
import com.vaadin.flow.function.SerializableRunnable;
import com.vaadin.flow.server.streams.UploadEvent;
import com.vaadin.flow.server.streams.UploadHandler;
import com.vaadin.flow.server.streams.UploadMetadata;

import java.io.IOException;

/**
 * An in-memory upload that never holds more than its limit. Vaadin's own {@code UploadHandler.inMemory}
 * reads the whole body, and its size limits apply only to multipart requests, while the upload component
 * sends a raw body: an anonymous visitor could fill the heap with one request. This handler refuses a
 * declared size over the limit before reading, and reads at most one byte past the limit of a body
 * without a declared size (chunked); Tomcat then drops the rest of the connection.
 */
public final class BoundedUpload implements UploadHandler {

    private final int maxBytes;
    private final SerializableBiConsumer<UploadMetadata, byte[]> accepted;
    private final SerializableRunnable tooLarge;

    private BoundedUpload(int maxBytes, SerializableBiConsumer<UploadMetadata, byte[]> accepted,
                          SerializableRunnable tooLarge) {
        this.maxBytes = maxBytes;
        this.accepted = accepted;
        this.tooLarge = tooLarge;
    }

    /**
     * @param accepted runs in the UI's lock with the file's bytes (at most {@code maxBytes})
     * @param tooLarge runs in the UI's lock when the file was refused for its size
     */
    public static BoundedUpload inMemory(int maxBytes, SerializableBiConsumer<UploadMetadata, byte[]> accepted,
                                         SerializableRunnable tooLarge) {
        return new BoundedUpload(maxBytes, accepted, tooLarge);
    }

    @Override
    public void handleUploadRequest(UploadEvent event) throws IOException {
        UI ui = event.getUI();
        if (event.getFileSize() > maxBytes) {
            refuse(event, ui);
            return;
        }
        byte[] bytes = event.getInputStream().readNBytes(maxBytes + 1);
        if (bytes.length > maxBytes) {
            refuse(event, ui);
            return;
        }
        UploadMetadata metadata = new UploadMetadata(event.getFileName(), event.getContentType(), bytes.length);
        ui.access(() -> accepted.accept(metadata, bytes));
    }

    private void refuse(UploadEvent event, UI ui) {
        event.reject("File too large");
        ui.access(tooLarge::run);
    }

    /** Also bounds the multipart route, which Vaadin checks against these before reading a part. */
    @Override
    public long getRequestSizeMax() {
        return maxBytes + 64 * 1024L;
    }

    @Override
    public long getFileSizeMax() {
        return maxBytes;
    }

    @Override
    public long getFileCountMax() {
        return 1;
    }
}
