package nl.omzien.sessions;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/** Sessions are stored as instants and always shown in Dutch local time, whatever the server's zone. */
public final class SessionTimes {

    public static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");

    private SessionTimes() {
    }

    public static ZonedDateTime local(OffsetDateTime instant) {
        return instant == null ? null : instant.atZoneSameInstant(ZONE);
    }
}
