package nl.omzien.certificates.internal;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.time.Duration;

/**
 * The public documents an Open Badges verifier fetches, without signing in: a coalition's issuer profile, a
 * learning path's achievement, a coalition's revocation list (signed) and the public key. Nothing personal.
 * SecurityConfiguration permits exactly these four GET paths.
 */
@RestController
class OpenBadgeController {

    private static final MediaType JSON_LD = MediaType.parseMediaType("application/ld+json");
    private static final MediaType VC_JWT = MediaType.parseMediaType(BadgeKey.MEDIA_TYPE);

    private final OpenBadges badges;

    OpenBadgeController(OpenBadges badges) {
        this.badges = badges;
    }

    @GetMapping("/badges/issuers/{issuer}")
    ResponseEntity<String> issuer(@PathVariable String issuer) {
        return badges.issuerProfile(issuer).map(profile -> ok(JSON_LD, badges.write(profile), Duration.ofHours(1)))
                .orElseGet(() -> ResponseEntity.notFound().build());
    }

    @GetMapping("/badges/achievements/{pathId}")
    ResponseEntity<String> achievement(@PathVariable String pathId) {
        return badges.achievementDefinition(pathId).map(achievement -> ok(JSON_LD, badges.write(achievement), Duration.ofHours(1)))
                .orElseGet(() -> ResponseEntity.notFound().build());
    }

    /** Short cache: a revocation should reach verifiers within minutes. */
    @GetMapping("/badges/status/{issuer}")
    ResponseEntity<String> statusList(@PathVariable String issuer) {
        return badges.signedStatusList(issuer).map(list -> ok(VC_JWT, list, Duration.ofMinutes(5)))
                .orElseGet(() -> ResponseEntity.notFound().build());
    }

    @GetMapping("/badges/keys")
    ResponseEntity<String> keys() {
        return ok(MediaType.parseMediaType("application/jwk-set+json"), badges.publicKeys(), Duration.ofHours(1));
    }

    private static ResponseEntity<String> ok(MediaType type, String body, Duration maxAge) {
        return ResponseEntity.ok().contentType(type).cacheControl(CacheControl.maxAge(maxAge).cachePublic())
                .header("Access-Control-Allow-Origin", "*").body(body);
    }
}
