/**
 * Training modules (content from modules/), the player, progress, quizzes, self-assessments and follow-up.
 *
 * <p>Owns, in PostgreSQL schema {@code training} (jOOQ classes in {@code nl.omzien.training.internal.db}):
 * module_version, module_file, module_attempt, step_progress, scenario_choice, quiz_submission,
 * reflection_answer, self_assessment, follow_up. Other features get module titles from {@link
 * nl.omzien.training.ModuleTitles}.
 */
package nl.omzien.training;
