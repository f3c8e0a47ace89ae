package nl.omzien.certificates;

import nl.omzien.base.PersonId;

import java.time.LocalDate;

/**
 * How far a colleague is, for their organisation's contact: whether they started, modules passed, whether
 * they hold a valid certificate and when it expires (issue 21: the contact sees the expiry dates coming
 * up). No scores or answers.
 *
 * @param certificateExpiresOn the last day of their valid certificate that lasts longest (Amsterdam date), or null
 * @param leavesByContact      whether the contact may take them out of the organisation (participants only)
 */
public record ColleagueProgress(PersonId personId, String fullName, String email, boolean started, int modulesPassed,
                                boolean certified, LocalDate certificateExpiresOn, boolean leavesByContact) {
}
