/**
 * Campaigns (issue 21): a coalition's Week tegen Eenzaamheid and its own weeks. A lead defines a campaign for their
 * municipality, tags sessions to it and adds activities that are not trainings. Anyone sees the municipality's
 * public agenda (trainings with free seats, signing up through the sessions' invite links, and the activities), as a
 * page, an iCalendar feed and a script-free snippet for the municipal website. During a campaign trained people get
 * one campaign mail each (CampaignMailer); the dashboard shows the campaign's figures against the year before.
 * See docs/decisions/026-campaigns-and-public-agenda.md.
 *
 * <p>Owns, in PostgreSQL schema {@code campaigns} (jOOQ classes in {@code nl.omzien.campaigns.internal.db}):
 * campaign, campaign_session, activity, campaign_mail, mail_opt_out, agenda_sign_up. Of other features it reads
 * only their published views: people's v_municipality, v_person, v_organisation; certificates'
 * v_first_certificate_per_path; sessions' v_session_figures.
 */
package nl.omzien.campaigns;
