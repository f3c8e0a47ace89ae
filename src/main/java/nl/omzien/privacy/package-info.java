/**
 * Own data (AVG/GDPR): "download my data" and "delete my account" for the person or an admin on request,
 * the retention rule for inactive accounts, and the log of staff actions on personal data. Each feature
 * contributes its tables through {@link nl.omzien.base.PersonalDataSection}; staff actions arrive as
 * {@link nl.omzien.base.PersonalDataAccessed} events.
 *
 * <p>Owns, in PostgreSQL schema {@code privacy} (jOOQ classes in {@code nl.omzien.privacy.internal.db}):
 * personal_data_audit.
 */
package nl.omzien.privacy;
