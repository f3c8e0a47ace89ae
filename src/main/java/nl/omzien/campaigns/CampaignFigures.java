package nl.omzien.campaigns;

import java.time.LocalDate;

/**
 * A campaign's figures and those of the same weeks a year before (52 weeks earlier, so the same weekdays).
 * Raw numbers: whoever shows them hides small numbers of people (the dashboard's SmallNumbers).
 */
public record CampaignFigures(String campaignName, LocalDate from, LocalDate until, Period during, Period yearBefore) {

    /**
     * @param sessionsHeld   sessions of the municipality in the period that took place (not cancelled, started)
     * @param peopleTrained  people of the municipality who earned their first certificate in the period
     * @param activities     campaign activities in the period
     * @param agendaSignUps  confirmed session sign-ups that came through the public agenda in the period
     */
    public record Period(LocalDate from, LocalDate until, long sessionsHeld, long peopleTrained, long activities,
                         long agendaSignUps) {
    }
}
