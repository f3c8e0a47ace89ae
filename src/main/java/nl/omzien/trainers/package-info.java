/**
 * Trainers: who is qualified to give the group sessions, until when, and what they need to teach (issue 20,
 * part A). A person qualifies through the trainer path (its modules, a train-the-trainer session attended and
 * a first session given beside a qualified trainer) or a lead records an outside qualification. The feature
 * implements sessions' {@link nl.omzien.sessions.TrainerQualifications} (only qualified trainers lead a session)
 * and certificates' {@link nl.omzien.certificates.TrainerStandings} (the verify page), generates the trainer
 * kit from the module files and shows trainers their own figures.
 *
 * <p>Owns, in PostgreSQL schema {@code trainers} (jOOQ classes in {@code nl.omzien.trainers.internal.db}):
 * qualification, candidate, trainer_rule.
 */
package nl.omzien.trainers;
