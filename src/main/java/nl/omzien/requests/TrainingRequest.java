package nl.omzien.requests;

import nl.omzien.base.MunicipalityId;
import nl.omzien.base.OrganisationId;
import nl.omzien.base.PersonId;
import nl.omzien.people.Audience;
import nl.omzien.sessions.SessionId;

import java.time.OffsetDateTime;
import java.util.Locale;

/**
 * One request for a training as staff see it.
 *
 * @param held            sent from an address over the public form's limit: kept, but nobody was mailed (decision 024)
 * @param proposedStartsAt the trainer's proposal, null until there is one
 * @param waitingTooLong  no answer for more than {@link WorkingDays#ANSWER_WITHIN} working days
 * @param version         to pass back when acting on it: a change by someone else in between is refused
 */
public record TrainingRequest(RequestId id, MunicipalityId municipalityId, String municipalityName,
                              OrganisationId organisationId, String organisationName, Audience audience, int peopleCount,
                              String preferredPeriods, String place, String remarks, String contactName, String contactEmail,
                              Locale locale, boolean held, RequestStatus status, String declineReason, PersonId trainerId,
                              String trainerName, OffsetDateTime proposedStartsAt, OffsetDateTime proposedEndsAt,
                              String proposedPlace, SessionId sessionId, OffsetDateTime receivedAt, boolean waitingTooLong,
                              int version) {

    public boolean hasProposal() {
        return proposedStartsAt != null;
    }
}
