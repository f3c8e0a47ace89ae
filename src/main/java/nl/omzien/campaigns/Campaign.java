package nl.omzien.campaigns;

import nl.omzien.base.MunicipalityId;
import nl.omzien.sessions.SessionId;

import java.time.LocalDate;
import java.util.Set;

/** A campaign of one municipality, {@code startsOn} to {@code endsOn} inclusive, with the sessions tagged to it. */
public record Campaign(CampaignId id, MunicipalityId municipalityId, String name, LocalDate startsOn, LocalDate endsOn,
                       Set<SessionId> sessionIds) {

    public Campaign {
        sessionIds = Set.copyOf(sessionIds);
    }

    public boolean runsOn(LocalDate day) {
        return !day.isBefore(startsOn) && !day.isAfter(endsOn);
    }
}
