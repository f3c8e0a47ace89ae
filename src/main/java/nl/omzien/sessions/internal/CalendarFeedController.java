package nl.omzien.sessions.internal;

import nl.omzien.sessions.RegistrationService;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The personal calendar feed (webcal://.../kalender/&lt;secret&gt;.ics) that calendar apps poll. No login:
 * the secret in the address is the proof, and a new address can be made at any time (the old one dies).
 */
@RestController
class CalendarFeedController {

    private final RegistrationService registrations;

    CalendarFeedController(RegistrationService registrations) {
        this.registrations = registrations;
    }

    @GetMapping("/kalender/{token}.ics")
    ResponseEntity<String> feed(@PathVariable String token) {
        return registrations.calendarFeed(token)
                .map(body -> ResponseEntity.ok().contentType(MediaType.parseMediaType("text/calendar; charset=UTF-8"))
                        .header("Cache-Control", "private, max-age=900").body(body))
                .orElseGet(() -> ResponseEntity.notFound().build());
    }
}
