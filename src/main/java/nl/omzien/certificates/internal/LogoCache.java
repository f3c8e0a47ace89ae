package nl.omzien.certificates.internal;

import nl.omzien.base.MunicipalityId;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each municipality's logo, decoded and compressed for PDF once ({@link PreparedLogo}) and kept until a
 * new upload. A handful of municipalities per installation, a few tens of KiB each: no eviction needed.
 */
@Component
public class LogoCache {

    private final JooqLogoRepository logos;
    private final Map<MunicipalityId, Optional<PreparedLogo>> prepared = new ConcurrentHashMap<>();

    LogoCache(JooqLogoRepository logos) {
        this.logos = logos;
    }

    /** The logo without alternative text (the caller adds it in the reader's language), or empty. */
    public Optional<PreparedLogo> of(MunicipalityId municipalityId) {
        if (municipalityId == null) {
            return Optional.empty();
        }
        return prepared.computeIfAbsent(municipalityId, id -> logos.png(id).map(png -> PreparedLogo.fromPng(png, null)));
    }

    /**
     * Forgets a municipality's logo now and again after the uploading transaction commits: a certificate
     * rendered in between could otherwise cache the old logo for good.
     */
    public void invalidate(MunicipalityId municipalityId) {
        prepared.remove(municipalityId);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    prepared.remove(municipalityId);
                }
            });
        }
    }
}
