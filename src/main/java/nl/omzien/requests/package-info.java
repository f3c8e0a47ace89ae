/**
 * Trainings on request (issue 20, part C): an organisation contact, or anyone through the municipality's public
 * form, asks for a group training; the coalition lead assigns a qualified trainer (the trainers feature decides who
 * is), the trainer proposes a date, and accepting it (the lead, or the requester through a mailed link) plans a
 * closed session for the organisation through the sessions feature, with its sign-up link from onboarding. Every
 * step mails the requester in their language and is written to the request's own log. Requests that wait more
 * than ten working days for an answer are flagged on the lead's dashboard. See decision 024.
 *
 * <p>Owns, in PostgreSQL schema {@code requests} (jOOQ classes in {@code nl.omzien.requests.internal.db}):
 * training_request, request_event.
 */
package nl.omzien.requests;
