package nl.omzien.certificates;

import nl.omzien.base.MunicipalityId;
import jakarta.annotation.security.RolesAllowed;
import nl.omzien.certificates.internal.JooqLogoRepository;
import nl.omzien.certificates.internal.LogoCache;
import nl.omzien.certificates.internal.LogoImages;
import nl.omzien.security.CurrentUser;
import nl.omzien.security.Role;
import nl.omzien.security.SignedInUser;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.Optional;

/**
 * The municipality's logo on its certificates. A coalition lead manages their own municipality's logo,
 * an admin every municipality's. Uploads are PNG or SVG, checked by content ({@link LogoImages});
 * certificates issued after an upload show the new logo, issued ones keep theirs (their PDF is stored).
 */
@Service
public class CertificateLogoService {

    /** Largest file accepted, in bytes (also for the upload field). */
    public static final int MAX_BYTES = LogoImages.MAX_BYTES;

    private final JooqLogoRepository logos;
    private final LogoCache cache;
    private final CurrentUser currentUser;
    private final Clock clock;

    CertificateLogoService(JooqLogoRepository logos, LogoCache cache, CurrentUser currentUser, Clock clock) {
        this.logos = logos;
        this.cache = cache;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /** The stored logo as PNG, for a preview. */
    @Transactional(readOnly = true)
    @RolesAllowed({Role.ADMIN_ROLE, Role.LEAD_ROLE})
    public Optional<byte[]> logo(MunicipalityId municipalityId) {
        requireScope(municipalityId);
        return logos.png(municipalityId);
    }

    /**
     * Checks and stores a new logo, replacing the old one.
     *
     * @throws nl.omzien.base.InvalidInputException with field "logo" and a message key when the file is refused
     */
    @Transactional
    @RolesAllowed({Role.ADMIN_ROLE, Role.LEAD_ROLE})
    public void upload(MunicipalityId municipalityId, byte[] file) {
        SignedInUser user = requireScope(municipalityId);
        LogoImages.Normalised logo = LogoImages.normalise(file);
        logos.save(municipalityId, logo, user.accountId(), OffsetDateTime.now(clock));
        cache.invalidate(municipalityId);
    }

    private SignedInUser requireScope(MunicipalityId municipalityId) {
        SignedInUser user = currentUser.require();
        if (!user.isAdmin() && !Objects.equals(user.municipalityId(), municipalityId)) {
            throw new AccessDeniedException("Logo of another municipality");
        }
        return user;
    }
}
